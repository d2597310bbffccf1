"""The type a statement gives a diagnosis picks the category's child, not its unspecified
default (an embolic stroke is I63.4-, per the index's "Infarct, cerebral, embolic"). Synthetic
notes."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(statement: str) -> list[str]:
    note = f"ASSESSMENT:\n1. {statement}\nPLAN: Neurology to follow.\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize(
    ("statement", "code"),
    [
        ("Acute embolic stroke.", "I63.40"),
        ("Cardioembolic stroke of the left hemisphere.", "I63.40"),
        ("Thrombotic stroke.", "I63.30"),
        ("Lacunar stroke.", "I63.81"),
        ("Acute ischemic stroke.", "I63.9"),
    ],
)
def test_the_stroke_type_told_picks_the_infarction_code(statement: str, code: str) -> None:
    assert code in codes(statement)


def test_a_suspected_embolic_source_is_not_an_embolic_stroke() -> None:
    found = codes("Stroke with possible embolic source.")
    assert "I63.9" in found and "I63.40" not in found
