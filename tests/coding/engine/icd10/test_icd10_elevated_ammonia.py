"""An elevated ammonia level is hyperammonemia (index: Hyperammonemia E72.20)."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(impression: str) -> list[str]:
    note = (
        "HISTORY OF PRESENT ILLNESS: A 70-year-old man admitted after a fall.\n"
        "LABORATORY DATA: Ammonia 82. Sodium 138.\n"
        f"IMPRESSION:\n{impression}\n"
        "PLAN: Lactulose. Repeat labs in the morning.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_elevated_ammonia_is_hyperammonemia() -> None:
    assert codes("1. Elevated ammonia level, cause unclear.") == ["E72.20"]
    assert codes("1. Hyperammonemia.") == ["E72.20"]


def test_a_normal_ammonia_is_not_coded() -> None:
    assert "E72.20" not in codes("1. Confusion. Ammonia level is not elevated.")
