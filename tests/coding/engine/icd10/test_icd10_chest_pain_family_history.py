"""Chest pain worked up at the visit (R07.-) with a relative's heart disease told in the family
history: the family history is a reason for the cardiac work-up, Z82.49 (I.C.21.c.4). Not
when the family history denies it, and not beside a diagnosis that is no chest pain.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_VISIT = """CHIEF COMPLAINT: {complaint}
HISTORY OF PRESENT ILLNESS: A 52-year-old man seen for the complaint above.
FAMILY HISTORY: {family}
ASSESSMENT:
1. {assessment}
PLAN: Exercise stress test next week.
"""


def _codes(complaint: str, family: str, assessment: str) -> list[str]:
    note = _VISIT.format(complaint=complaint, family=family, assessment=assessment)
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_chest_pain_with_a_father_who_had_a_heart_attack() -> None:
    found = _codes(
        "Chest pain.", "His father had a myocardial infarction at 48.", "Atypical chest pain."
    )
    assert found[0].startswith("R07") and "Z82.49" in found


def test_family_history_denied_is_not_coded() -> None:
    found = _codes("Chest pain.", "No premature coronary disease in the family.", "Chest pain.")
    assert "Z82.49" not in found


def test_not_beside_another_complaint() -> None:
    found = _codes("Cough.", "His father had a myocardial infarction at 48.", "Acute bronchitis.")
    assert "Z82.49" not in found
