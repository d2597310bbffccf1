"""Neuropathies by their kind: the word "neuropathy" is not always a polyneuropathy (G62.9).

The index sends an optic neuropathy to the optic nerve codes (H47.-), an autonomic one to
G90.9 (E11.43 with diabetes), and names hereditary, critical-illness, radiation-induced and
cranial neuropathies their own codes. Optic atrophy told without its kind is H47.20.
"""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(assessment: str) -> set[str]:
    note = f"ASSESSMENT:\n{assessment}\nPLAN: Return to clinic in four weeks.\n"
    return {d["code"] for d in code_diagnoses(analyze(note))}


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("1. Peripheral neuropathy.", {"G62.9"}),
        ("1. Autonomic neuropathy.", {"G90.9"}),
        ("1. Hereditary neuropathy.", {"G60.9"}),
        ("1. Critical illness polyneuropathy.", {"G62.81"}),
        ("1. Radiation-induced neuropathy of the arm.", {"G62.82"}),
        ("1. Cranial neuropathy.", {"G52.9"}),
        ("1. Ischemic optic neuropathy of the left eye.", {"H47.012"}),
        ("1. Anterior ischemic optic neuropathy, both eyes.", {"H47.013"}),
        ("1. Compressive optic neuropathy, right eye.", {"H47.091"}),
        ("1. Optic atrophy of the right eye.", {"H47.20"}),
        ("1. Primary optic atrophy, left eye.", {"H47.212"}),
        ("1. Glaucomatous optic atrophy of the right eye.", {"H47.231"}),
    ],
)
def test_neuropathy_kind(said: str, expected: set[str]) -> None:
    assert codes(said) == expected


def test_optic_neuropathy_without_its_kind_is_no_polyneuropathy() -> None:
    assert "G62.9" not in codes("1. Optic neuropathy, right eye.")


def test_diabetes_with_autonomic_neuropathy() -> None:
    assert codes("1. Diabetic autonomic neuropathy.") == {"E11.43"}
    assert codes("1. Type 2 diabetes mellitus.\n2. Autonomic neuropathy.") == {"E11.43"}
    assert codes("1. Type 1 diabetes mellitus.\n2. Autonomic neuropathy.") == {"E10.43"}
    # without diabetes the autonomic neuropathy keeps its own code
    assert codes("1. Hypertension.\n2. Autonomic neuropathy.") == {"I10", "G90.9"}
