"""A lower (or upper) quadrant pain whose side is not told is lower (upper) abdominal pain,
unspecified - R10.30 / R10.10 - not pain unspecified (R52); a side told keeps its own code.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def _codes(assessment: str) -> list[str]:
    note = f"HISTORY: Two days of pain, no fever.\nASSESSMENT: {assessment}\nPLAN: Ultrasound.\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_a_quadrant_pain_of_no_side_is_lower_or_upper_abdominal_pain() -> None:
    assert _codes("Lower quadrant pain.") == ["R10.30"]
    assert _codes("Bilateral lower quadrant abdominal pain.") == ["R10.30"]
    assert _codes("Upper quadrant discomfort.") == ["R10.10"]


def test_a_quadrant_pain_with_its_side_keeps_the_side() -> None:
    assert _codes("Right lower quadrant pain.") == ["R10.31"]
    assert _codes("Left upper quadrant pain.") == ["R10.12"]
