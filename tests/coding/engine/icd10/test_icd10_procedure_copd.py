"""Chronic obstructive pulmonary disease and atrial fibrillation that a procedure note's
indication or history tells of its patient are coded beside the postoperative diagnosis (a
coexisting condition that affects the care of the operation, guideline IV.J), as diabetes is.
Not an exacerbation the stay began with, and not a condition the note denies. Synthetic
notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_NOTE = """PREOPERATIVE DIAGNOSIS: Symptomatic cholelithiasis.
POSTOPERATIVE DIAGNOSIS: Symptomatic cholelithiasis.
INDICATIONS: A 66-year-old man with recurrent biliary colic. {story}
PROCEDURE: Laparoscopic cholecystectomy.
"""


def _codes(story: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(_NOTE.format(story=story)))]


def test_copd_told_in_the_indication_is_coded() -> None:
    found = _codes("He has severe COPD and was cleared by pulmonary medicine.")
    assert found[0] == "K80.20"
    assert "J44.9" in found


def test_no_copd_is_not_coded() -> None:
    found = _codes("He has no history of COPD or asthma.")
    assert not any(c.startswith("J44") for c in found)


def test_an_exacerbation_told_in_the_story_is_not_a_comorbidity() -> None:
    found = _codes("He was admitted last month with a COPD exacerbation.")
    assert "J44.1" not in found


def test_atrial_fibrillation_told_in_the_indication_is_coded() -> None:
    found = _codes("He takes warfarin for atrial fibrillation, held for five days.")
    assert "I48.91" in found


def test_atrial_fibrillation_ruled_out_is_not_coded() -> None:
    found = _codes("A Holter monitor showed no atrial fibrillation.")
    assert not any(c.startswith("I48") for c in found)
