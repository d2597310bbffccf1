"""Flexible laryngoscopy (31575) beside another office or bedside procedure (round 19): an
intubation told only in the history or indications (the hoarseness began after an operation
under endotracheal anesthesia) no longer cancels the scope; a flexible scope used at this
procedure to pass an endotracheal tube is still no diagnostic laryngoscopy."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_intubation_in_the_indications_keeps_the_laryngoscopy() -> None:
    note = """PROCEDURE PERFORMED: 1. Control of anterior epistaxis, right septum. 2. Flexible
fiberoptic laryngoscopy.
INDICATIONS: Hoarse since she was intubated for a hip operation last week; new nosebleeds on
nasal oxygen.
PROCEDURE DETAILS: The flexible laryngoscope was passed through the left nostril to the larynx.
The vocal folds were mobile with mild edema and no lesion. The bleeding point on the right
septum was then cauterized with silver nitrate.
"""
    codes = _codes(note)
    assert "31575" in codes
    assert "30901" in codes


def test_fiberoptic_scope_used_to_intubate_is_not_a_laryngoscopy() -> None:
    note = """PROCEDURE: Awake fiberoptic laryngoscopy and intubation.
DESCRIPTION: After topical anesthesia the fiberoptic laryngoscope was loaded with a 7.0
endotracheal tube and passed through the nose; the cords were seen and the tube was advanced
into the trachea and the patient was intubated without difficulty.
"""
    assert "31575" not in _codes(note)
