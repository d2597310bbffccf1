"""A narrowed subclavian or innominate artery is stricture of artery I77.1 (the carotid and
vertebral arteries have their own I65 codes); a stenosis of the vein of the same name is not.
Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

HEAD = "INDICATIONS: Right arm claudication and a 40 mmHg arm pressure difference.\n"


def codes(impression: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(HEAD + "IMPRESSION:\n" + impression))]


def test_subclavian_artery_stenosis_is_i77_1() -> None:
    assert codes("1. Moderate stenosis of the proximal right subclavian artery.\n") == ["I77.1"]
    assert "I77.1" in codes("1. Right subclavian stenosis, 70%.\n")


def test_a_vein_of_the_same_name_is_not_an_artery() -> None:
    assert "I77.1" not in codes("1. Left brachiocephalic vein stenosis.\n")
    assert "I77.1" not in codes("1. No subclavian artery stenosis.\n")
