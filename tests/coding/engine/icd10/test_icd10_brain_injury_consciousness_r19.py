"""A traumatic brain injury whose loss of consciousness is not told is coded with the status
unknown (S06.9XAA, 6th character A); a loss of consciousness told anywhere in the note makes it
S06.9X9A (unspecified duration). The late effect of an old injury is S06.9XAS.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_NOTE = """HISTORY OF PRESENT ILLNESS: A 34-year-old man was the driver in a highway collision
this morning. {story} He was brought in by ambulance.
IMAGING: CT of the head shows no hemorrhage and no fracture.
ASSESSMENT: Traumatic brain injury.
PLAN: Admit for neurologic checks.
"""


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_a_brain_injury_without_consciousness_told_has_an_unknown_status() -> None:
    codes = _codes(_NOTE.format(story="He complains of a headache."))
    assert "S06.9XAA" in codes
    assert "S06.9X9A" not in codes


def test_a_loss_of_consciousness_told_in_the_history_refines_the_brain_injury() -> None:
    codes = _codes(_NOTE.format(story="Bystanders say he lost consciousness at the scene."))
    assert "S06.9X9A" in codes
    assert "S06.9XAA" not in codes


def test_the_late_effect_of_an_old_brain_injury_is_a_sequela_of_unknown_status() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Spastic hemiparesis due to a remote traumatic brain injury.
PROCEDURE: Botulinum toxin injection of the left elbow flexors.
"""
    codes = _codes(note)
    assert "S06.9XAS" in codes
    assert "S06.9X9S" not in codes


def test_a_coma_range_glasgow_score_tells_a_loss_of_consciousness() -> None:
    assert "S06.9X9A" in _codes(_NOTE.format(story="His GCS was 6 at the scene."))
    assert "S06.9XAA" in _codes(_NOTE.format(story="His GCS was 14 at the scene."))
