"""An acute coronary syndrome told with ST elevation is an ST elevation myocardial infarction,
by the wall or artery told (I21.0-I21.2); without ST elevation it stays I24.9.
Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(statement: str) -> list[str]:
    note = "PROCEDURE: Left heart catheterization.\nPOSTOPERATIVE DIAGNOSIS: " + statement + "\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_acs_with_st_elevation_is_a_stemi_of_the_wall_told() -> None:
    assert codes("Acute coronary syndrome with ST segment elevation in the anterior wall.") == [
        "I21.09"
    ]
    assert codes("Acute coronary syndrome with ST elevation, inferior leads.") == ["I21.19"]


def test_acs_without_st_elevation_is_not_a_stemi() -> None:
    assert codes("Acute coronary syndrome without ST elevation.") == ["I24.9"]
