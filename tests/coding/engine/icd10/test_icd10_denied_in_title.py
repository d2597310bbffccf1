"""ICD-10-CM title matching ignores what a diagnosis denies ("stone without hydronephrosis"):
the denied words are not part of the condition's title. Synthetic notes written for these
tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_stone_without_hydronephrosis_codes_the_stone() -> None:
    note = (
        "EXAM: CT of the abdomen and pelvis without contrast.\n"
        "IMPRESSION: Small intrarenal stone without hydronephrosis.\n"
    )
    found = codes(note)
    assert "N20.0" in found
    assert not any(c.startswith("N13") for c in found)


def test_a_finding_said_with_the_stone_is_still_read() -> None:
    note = (
        "EXAM: CT of the abdomen and pelvis without contrast.\n"
        "IMPRESSION: Obstructing stone of the right ureter with hydronephrosis.\n"
    )
    found = codes(note)
    assert any(c.startswith("N13") for c in found)
