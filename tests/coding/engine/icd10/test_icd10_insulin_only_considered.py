"""Insulin only considered is no long-term insulin use (Z79.4)."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(hpi: str) -> list[str]:
    note = (
        "CHIEF COMPLAINT: Diabetes follow up.\n"
        f"HISTORY OF PRESENT ILLNESS: {hpi}\n"
        "ASSESSMENT:\n1. Type 2 diabetes mellitus.\n"
        "PLAN: Recheck A1c in three months.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_insulin_considered_but_not_given() -> None:
    got = codes(
        "The specialist thought insulin might be better, but he was placed on metformin for cost."
    )
    assert "Z79.4" not in got and "Z79.84" in got


def test_insulin_taken_at_home_is_long_term() -> None:
    assert "Z79.4" in codes("He takes Lantus 20 units at bedtime and metformin twice a day.")
