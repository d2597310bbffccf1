"""Chest pain beside coronary artery disease that the writer does not call angina (I25.10)
stays a symptom code (R07.9); with angina, or a myocardial infarction, it is part of the
diagnosis.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(reason: str, impression: str) -> set[str]:
    note = (
        "EXAM: Left heart catheterization with coronary angiography.\n"
        f"INDICATION: {reason}\n"
        "FINDINGS: The left main is patent. The LAD has a 50% mid stenosis.\n"
        f"IMPRESSION: {impression}\n"
    )
    return {d["code"] for d in code_cpt(note)["diagnoses"]}


def test_chest_pain_stays_beside_coronary_disease_without_angina() -> None:
    assert {"I25.10", "R07.9"} <= _codes("Chest pain.", "Coronary artery disease.")


def test_chest_pain_is_part_of_angina_or_an_infarction() -> None:
    assert "R07.9" not in _codes("Chest pain.", "Coronary artery disease with unstable angina.")
    assert "R07.9" not in _codes("Chest pain.", "Acute anterior wall STEMI.")
