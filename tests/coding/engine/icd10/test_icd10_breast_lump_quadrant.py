"""A breast lump takes its quadrant from words or from a clock-face position, which reads
differently on each breast (the clock is read facing the patient)."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize(
    ("side", "where", "code"),
    [
        ("left", "at the 4 o'clock position", "N63.23"),  # lower outer on the left
        ("right", "at the 4 o'clock position", "N63.14"),  # lower inner on the right
        ("right", "at 10 o'clock", "N63.11"),
        ("left", "at 10 o'clock", "N63.22"),
        ("right", "in the upper inner quadrant", "N63.12"),
    ],
)
def test_breast_lump_quadrant(side: str, where: str, code: str) -> None:
    note = (
        f"PREOPERATIVE DIAGNOSIS: {side.title()} breast mass.\n"
        f"PROCEDURE: Excisional biopsy of the {side} breast.\n"
        f"HISTORY: A mammogram showed a density in the {side} breast {where}.\n"
    )
    assert codes(note) == [code]


def test_a_lump_with_no_position_stays_unspecified_quadrant() -> None:
    note = "PREOPERATIVE DIAGNOSIS: Left breast mass.\nPROCEDURE: Excisional biopsy.\n"
    assert codes(note) == ["N63.20"]
