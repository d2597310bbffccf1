"""An acute coronary event that was the reason for a catheterization is coded.

A catheterization report whose impression names the coronary disease also reports the
NSTEMI, STEMI or acute coronary syndrome its indication gives: that is the condition the
patient is being treated for at this encounter, not a sign the impression explains.
"""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def cath(indication: str, impression: str) -> str:
    return (
        "PROCEDURE PERFORMED: Left heart catheterization and selective coronary angiography.\n"
        f"INDICATION: {indication}\n"
        "FINDINGS: The right coronary artery has an 80% stenosis in its mid segment.\n"
        f"IMPRESSION:\n1. {impression}\n"
        "PLAN: Medical therapy and cardiac surgery consultation.\n"
    )


def test_nstemi_in_the_indication_is_coded_with_the_coronary_disease() -> None:
    got = codes(cath("NSTEMI.", "Two-vessel coronary artery disease."))
    assert set(got) == {"I25.10", "I21.4"}


def test_acute_coronary_syndrome_in_the_indication_is_coded() -> None:
    got = codes(cath("Acute coronary syndrome.", "Single-vessel coronary artery disease."))
    assert set(got) == {"I25.10", "I24.9"}


def test_a_past_infarction_in_the_indication_is_not_a_current_one() -> None:
    got = codes(cath("History of myocardial infarction in 2015.", "Coronary artery disease."))
    assert "I21.9" not in got and "I21.4" not in got
    # a chest pain that sent the patient stays a sign, not an acute coronary event
    got = codes(cath("Chest pain.", "Coronary artery disease."))
    assert not any(c.startswith(("I21", "I24")) for c in got)
