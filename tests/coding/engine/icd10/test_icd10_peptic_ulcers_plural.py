"""Peptic ulcers told in the plural ('duodenal ulcers', 'two gastric ulcers', 'ulcers in the
stomach') are coded as the singular is: K26.-, K25.-, K27.-. Synthetic notes written for
these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_plural_duodenal_ulcers() -> None:
    assert "K26.9" in codes("POSTOPERATIVE DIAGNOSIS: Several small duodenal ulcers.\n")


def test_plural_gastric_ulcers_with_bleeding() -> None:
    assert "K25.4" in codes("IMPRESSION: Two gastric ulcers, one with an oozing base.\n")


def test_plural_ulcers_in_the_stomach_and_peptic_ulcers() -> None:
    assert "K25.9" in codes("IMPRESSION: Multiple clean-based ulcers in the stomach.\n")
    assert "K27.9" in codes("ASSESSMENT: Peptic ulcers, on a proton pump inhibitor.\n")
