"""The kinds of insomnia a sleep physician names have their own codes (ICD-10-CM index:
Insomnia, psychophysiologic F51.04; primary F51.01; due to a medical condition G47.01); plain
insomnia stays G47.00. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _icd(assessment: str) -> list[str]:
    note = (
        "CHIEF COMPLAINT: Trouble sleeping.\n"
        "HISTORY OF PRESENT ILLNESS: A 45-year-old with trouble falling asleep for a year.\n"
        f"ASSESSMENT: {assessment}\n"
        "PLAN: Sleep hygiene and cognitive behavioral therapy for insomnia.\n"
    )
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_named_kinds_of_insomnia() -> None:
    assert _icd("Psychophysiologic insomnia, sleeps better in the laboratory.") == ["F51.04"]
    assert _icd("Primary insomnia.") == ["F51.01"]
    assert "G47.01" in _icd("Insomnia due to chronic knee pain.")


def test_plain_insomnia_stays_g47_00() -> None:
    assert _icd("Insomnia.") == ["G47.00"]
