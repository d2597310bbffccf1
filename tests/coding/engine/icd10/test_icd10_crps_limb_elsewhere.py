"""Complex regional pain syndrome takes its limb and side from where the note tells them."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(indication: str) -> list[str]:
    note = (
        "PREOPERATIVE DIAGNOSIS: Complex regional pain syndrome type I.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Lumbar sympathetic block.\n"
        f"INDICATIONS: {indication}\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_limb_and_side_told_in_the_indication() -> None:
    got = codes("CRPS of the right side. Burning pain and color change of the lower extremity.")
    assert got == ["G90.521"]


def test_no_limb_told_stays_unspecified() -> None:
    assert codes("Burning pain and allodynia for six months.") == ["G90.50"]
