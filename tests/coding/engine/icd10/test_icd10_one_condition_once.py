"""ICD-10-CM: one condition told twice - once with its detail, once without - is coded once, to
the detail documented (guideline I.B.2); hepatomegaly with splenomegaly is R16.2. Synthetic
notes written for these tests."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(assessment: str) -> list[str]:
    note = "HISTORY OF PRESENT ILLNESS: Follow-up visit.\n\nASSESSMENT:\n" + assessment + "\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize(
    ("assessment", "expected", "left_out"),
    [
        ("1. Diabetic nephropathy.\n2. Diabetes mellitus.", "E11.21", "E11.9"),
        ("1. Hypertension with hypertensive cardiovascular disease.", "I11.9", "I10"),
        (
            "1. Chronic kidney disease, stage 3.\n2. Anemia of renal disease.",
            "N18.30",
            "N28.9",
        ),
    ],
)
def test_the_unspecified_form_gives_way_to_the_specific_one(
    assessment: str, expected: str, left_out: str
) -> None:
    got = codes(assessment)
    assert expected in got
    assert left_out not in got


def test_hepatomegaly_with_splenomegaly_is_one_code() -> None:
    assert codes("1. Hepatomegaly.\n2. Splenomegaly.") == ["R16.2"]


def test_different_conditions_of_one_category_both_stay() -> None:
    got = codes("1. Chronic gastritis.\n2. Acute gastritis.")
    assert "K29.00" in got and "K29.50" in got


def test_the_signs_of_sepsis_are_part_of_it() -> None:
    got = codes("1. Sepsis due to urinary tract infection, with sinus tachycardia.")
    assert "R00.0" not in got
    assert "A41.9" in got
    shock = codes("1. Systemic inflammatory response syndrome with septic shock.")
    assert "R65.21" in shock and "R65.10" not in shock
