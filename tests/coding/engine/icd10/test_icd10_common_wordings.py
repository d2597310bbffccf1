"""Everyday diagnosis words that no tabular title carries, read through the curated index.

Each entry follows the ICD-10-CM index (Neuroma, acoustic D33.3; Swings, mood R45.86; Venom,
wasp T63.46-; ...). The notes are synthetic.
"""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize(
    ("diagnosis", "code"),
    [
        ("Right acoustic neuroma", "D33.3"),
        ("Vestibular schwannoma", "D33.3"),
        ("Mood swings with tearfulness", "R45.86"),
        ("Urgency incontinence", "N39.41"),
        ("Hypoalbuminemia", "E88.09"),
        ("Hypophosphatemia", "E83.39"),
        ("Beta thalassemia trait", "D56.3"),
        ("Nephrotic syndrome", "N04.9"),
        ("Bowel incontinence", "R15.9"),
        ("Left mainstem bronchomalacia", "J98.09"),
        ("Tracheomalacia", "J39.8"),
        ("Cancer-related pain", "G89.3"),
        ("Wasp sting to the left forearm", "T63.461A"),
        ("Bee sting of the right hand", "T63.441A"),
        ("Digoxin toxicity", "T46.0X5A"),
    ],
)
def test_an_everyday_wording_reaches_its_index_code(diagnosis: str, code: str) -> None:
    note = f"ASSESSMENT:\n1. {diagnosis}.\nPLAN: Follow up in two weeks.\n"
    assert code in codes(note)


def test_congenital_airway_softening_is_the_congenital_code() -> None:
    assert "Q32.0" in codes("ASSESSMENT:\n1. Congenital tracheomalacia.\n")
