"""Constipation that was the reason for a colonoscopy stays reported beside what the scope
found (guideline IV.D: the symptom is not integral to hemorrhoids), as rectal bleeding and
the R-code symptoms already do. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_constipation_in_the_indication_beside_hemorrhoids() -> None:
    got = codes(
        "INDICATION: Constipation, rectal bleeding.\n"
        "PROCEDURE: Colonoscopy to the cecum. Small internal hemorrhoids on retroflexion.\n"
        "IMPRESSION:\n1. Small internal hemorrhoids.\n2. Otherwise normal colonoscopy.\n"
    )
    assert "K59.00" in got
    assert "K62.5" in got
    assert "K64.8" in got
