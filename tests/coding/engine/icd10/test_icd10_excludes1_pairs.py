"""ICD-10-CM pairs the tabular allows together although a note or a category rule seems to
forbid them: the acute and the chronic form of one condition (guideline I.B.8). Synthetic
notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_acute_and_chronic_gastritis_codes_both_forms() -> None:
    note = (
        "CHIEF COMPLAINT: Epigastric burning.\n"
        "ASSESSMENT:\n1. Acute and chronic gastritis.\n"
        "PLAN: Omeprazole daily, avoid NSAIDs.\n"
    )
    found = codes(note)
    assert "K29.00" in found and "K29.50" in found


def test_acute_sinusitis_beside_chronic_sinusitis_keeps_both() -> None:
    note = (
        "ASSESSMENT:\n1. Acute sinusitis.\n2. Chronic sinusitis.\n"
        "PLAN: Amoxicillin for ten days, saline rinses, ENT follow-up.\n"
    )
    found = codes(note)
    assert "J01.90" in found and "J32.9" in found


def test_sinusitis_not_said_acute_or_chronic_stays_one_code() -> None:
    note = "ASSESSMENT:\n1. Acute sinusitis.\nPLAN: Amoxicillin for ten days.\n"
    found = codes(note)
    assert "J01.90" in found and "J32.9" not in found
