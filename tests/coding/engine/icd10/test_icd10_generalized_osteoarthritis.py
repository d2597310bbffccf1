"""Generalized osteoarthritis is polyosteoarthritis (index: Osteoarthritis, generalized M15.9)."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(assessment: str) -> list[str]:
    note = (
        "CHIEF COMPLAINT: Joint pain.\n"
        "HISTORY OF PRESENT ILLNESS: She returns for follow up of her joint pain.\n"
        f"ASSESSMENT:\n{assessment}\n"
        "PLAN: Continue acetaminophen. Return in three months.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_generalized_osteoarthritis_is_polyosteoarthritis() -> None:
    assert codes("1. Generalized osteoarthritis.") == ["M15.9"]
    assert codes("1. Generalised degenerative joint disease.") == ["M15.9"]
    assert codes("1. Osteoarthritis involving multiple joints.") == ["M15.9"]
    assert codes("1. Primary generalized osteoarthritis.") == ["M15.0"]


def test_generalized_elsewhere_in_the_list_does_not_widen_a_joint() -> None:
    assert codes("1. Generalized weakness.\n2. Osteoarthritis of the left hip.") == [
        "R53.1",
        "M16.12",
    ]
    assert codes("1. Osteoarthritis.") == ["M19.90"]
