"""A clot inside a heart chamber or the left atrial appendage told in an echo report's
impression is intracardiac thrombosis I51.3; an appendage told free of clot is nothing.
Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

HEAD = (
    "EXAM: Transesophageal echocardiogram.\nREASON: Embolic stroke, to look for a cardiac source.\n"
)


def codes(impression: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(HEAD + "IMPRESSION:\n" + impression))]


def test_thrombus_in_the_left_atrial_appendage_is_i51_3() -> None:
    assert "I51.3" in codes("1. Thrombus at the base of the left atrial appendage.\n")
    assert "I51.3" in codes("1. Intracardiac thrombus identified in the left atrium.\n")
    assert "I51.3" in codes("1. Left ventricular apical thrombus.\n")


def test_an_appendage_free_of_clot_is_not_coded() -> None:
    assert "I51.3" not in codes("1. Left atrial appendage is free of clots.\n")
    assert "I51.3" not in codes("1. No intracardiac thrombus.\n")
