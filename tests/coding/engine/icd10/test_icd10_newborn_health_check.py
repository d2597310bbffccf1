"""A well-child check of a newborn takes the newborn health-check code by age: Z00.110 under 8
days, Z00.111 from 8 to 28 days; an older child's stays Z00.129. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_two_week_old_well_child_check() -> None:
    note = (
        "SUBJECTIVE: First visit with Mom for a two week well-child check; nursing well.\n"
        "ASSESSMENT/PLAN:\n1. Well 2-week-old female.\n2. Recheck at one month of age.\n"
    )
    assert _codes(note) == ["Z00.111"]


def test_five_day_old_well_baby_visit() -> None:
    note = "HISTORY: A 5-day-old boy seen for his first well baby visit.\nASSESSMENT: Well baby.\n"
    assert _codes(note) == ["Z00.110"]


def test_older_child_keeps_the_child_code() -> None:
    # trap: an older child's well-child check
    note = (
        "HISTORY: A 4-year-old girl here for her well child check with her mother.\n"
        "ASSESSMENT: Well child.\n"
    )
    assert _codes(note) == ["Z00.129"]
