"""Diagnosis lists, status codes and guideline pairs through the ICD-10-CM coder.

Short synthetic notes; each test names the convention it checks.
"""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str, **kw: Any) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note), **kw)]


def test_a_problem_list_heading_is_a_diagnosis_list() -> None:
    note = (
        "PROBLEM LIST:\n1. Gastroesophageal reflux disease.\n2. Essential hypertension.\n"
        "HISTORY OF PRESENT ILLNESS: Returns for a six month visit, feels well.\n"
        "PLAN: Continue omeprazole and lisinopril.\n"
    )
    found = codes(note)
    assert "K21.9" in found and "I10" in found


def test_non_insulin_dependent_diabetes_is_not_long_term_insulin() -> None:
    note = (
        "ASSESSMENT:\n1. Non-insulin-dependent diabetes mellitus, controlled on diet.\n"
        "2. Hypertension.\nPLAN: Recheck A1c in three months.\n"
    )
    found = codes(note)
    assert "E11.9" in found and "Z79.4" not in found
    on_insulin = codes("ASSESSMENT: Type 2 diabetes mellitus on insulin glargine.\n")
    assert "Z79.4" in on_insulin


def test_a_referral_for_cardiac_catheterization_is_not_a_stent() -> None:
    note = (
        "ASSESSMENT: Chest pain on exertion. The patient has been referred for cardiac "
        "catheterization next week.\n"
    )
    assert "Z95.5" not in codes(note)
    stents = "ASSESSMENT: Coronary artery disease. He has had two coronary stents.\n"
    assert "Z95.5" in codes(stents)
