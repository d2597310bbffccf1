"""A child's feeding disorder or feeding difficulties are R63.3- (pediatric feeding disorder
by acuity since FY2022), not the eating disorder F50.9. Synthetic notes written for these
tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_feeding_disorder_is_feeding_difficulties() -> None:
    got = codes("POSTOPERATIVE DIAGNOSES:\n1. Feeding disorder.\n2. Cerebral palsy.\n")
    assert "R63.30" in got
    assert "F50.9" not in got


def test_chronic_pediatric_feeding_disorder() -> None:
    assert "R63.32" in codes("ASSESSMENT: Chronic pediatric feeding disorder.\n")


def test_an_eating_disorder_stays_f50() -> None:
    assert "F50.9" in codes("ASSESSMENT: Eating disorder.\n")
