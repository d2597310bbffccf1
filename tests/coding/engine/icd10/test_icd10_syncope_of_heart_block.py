"""Syncope is the symptom of a high-grade heart block, a sick sinus, a ventricular arrhythmia
or a tight aortic valve (guideline I.B.5: signs routinely part of a condition are not coded
apart): told with one of them it is not coded; told beside an unrelated condition it is.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_NOTE = """PREOPERATIVE DIAGNOSIS: {dx}
POSTOPERATIVE DIAGNOSIS: {dx}
PROCEDURE: {procedure}
DESCRIPTION: The patient was prepped and draped. The procedure was completed without
complication.
"""


def _codes(dx: str, procedure: str) -> list[str]:
    note = _NOTE.format(dx=dx, procedure=procedure)
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_syncope_with_a_high_grade_block_is_the_blocks_symptom() -> None:
    found = _codes("Second degree AV block, Mobitz type II, with syncope.", "Pacemaker insertion.")
    assert found == ["I44.1"]
    found = _codes("Sick sinus syndrome with syncope.", "Dual chamber pacemaker insertion.")
    assert found == ["I49.5"]


def test_syncope_with_severe_aortic_stenosis_is_its_symptom() -> None:
    found = _codes("Syncope with severe aortic stenosis.", "Left heart catheterization.")
    assert "I35.0" in found and "R55" not in found


def test_syncope_beside_an_unrelated_condition_is_coded() -> None:
    found = _codes("Syncope. Hypertension.", "Tilt table test.")
    assert "R55" in found
