"""Tobacco abuse by what is smoked, told in the social history.

The index sends tobacco abuse to nicotine dependence; a social history that says the patient
smokes packs of cigarettes makes it F17.210 (cigarettes), otherwise F17.200 (unspecified
product).
"""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> set[str]:
    return {d["code"] for d in code_diagnoses(analyze(note))}


def test_cigarettes_told_in_the_social_history() -> None:
    note = "SOCIAL HISTORY: He smokes two packs a day.\nDIAGNOSES:\n1. Tobacco abuse.\n"
    assert codes(note) == {"F17.210"}


def test_product_not_told() -> None:
    note = "SOCIAL HISTORY: Chews tobacco daily.\nDIAGNOSES:\n1. Tobacco abuse.\n"
    assert codes(note) == {"F17.200"}
    # a tuberculin test is no smoking
    note = "PLAN: PPD placed today.\nDIAGNOSES:\n1. Tobacco abuse.\n"
    assert codes(note) == {"F17.200"}
