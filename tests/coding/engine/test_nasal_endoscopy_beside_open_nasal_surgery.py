"""A diagnostic nasal endoscopy listed beside a planned open nasal operation (septoplasty,
turbinate reduction, rhinectomy) is the survey of its field and is not reported (NCCI: a
diagnostic endoscopy beside an open operation of the same area only when it decided on it); a
nasal endoscopy done alone is 31231."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_nasal_endoscopy_beside_a_septoplasty_is_not_reported() -> None:
    note = """PROCEDURES:
1. Septoplasty.
2. Diagnostic nasal endoscopy.
DESCRIPTION: The nasal cavities were examined with a 0-degree endoscope; the septum deviated
to the left. A hemitransfixion incision was made, flaps elevated, and the deviated cartilage
and bone removed. The flaps were reapproximated with a quilting suture.
"""
    assert _codes(note) == ["30520"]


def test_a_nasal_endoscopy_alone_is_31231() -> None:
    note = """PROCEDURE: Diagnostic nasal endoscopy.
DESCRIPTION: After topical decongestion both nasal cavities were examined with a rigid
endoscope. The middle meatus and sphenoethmoidal recess were clear, without polyps.
"""
    assert _codes(note) == ["31231"]
