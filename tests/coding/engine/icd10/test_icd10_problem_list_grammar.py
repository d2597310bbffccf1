"""Ordinary problem-list grammar: the index's inverted order, head first and its modifiers
after ("Sleep apnea, obstructive"), read in natural order; a condition on both sides with no
bilateral code coded right and left. Synthetic notes."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(statement: str) -> list[str]:
    note = f"ASSESSMENT:\n1. {statement}\nPLAN: Follow up in two weeks.\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize(
    ("statement", "code"),
    [
        ("Sleep apnea, obstructive.", "G47.33"),
        ("Cholecystitis, acute.", "K81.0"),
        ("Pancreatitis, chronic.", "K86.1"),
        ("Hemorrhoids, internal.", "K64.8"),
        ("Hernia, hiatal.", "K44.9"),
        ("Diabetes, type 1, uncontrolled.", "E10.65"),
        ("Obesity, morbid.", "E66.01"),
        ("Otitis media, acute, left.", "H66.92"),
    ],
)
def test_inverted_order_reads_the_modifier(statement: str, code: str) -> None:
    assert code in codes(statement)


def test_the_site_after_the_comma_keeps_the_side() -> None:
    assert "R10.31" in codes("Abdominal pain, right lower quadrant.")


# Guideline I.B.13: a condition on both sides with no bilateral code is coded right and left.
@pytest.mark.parametrize(
    ("statement", "pair"),
    [
        ("Abrasions of both knees.", ("S80.211A", "S80.212A")),
        ("Bilateral trigger thumbs.", ("M65.311", "M65.312")),
        ("Bilateral wrist sprains.", ("S63.501A", "S63.502A")),
    ],
)
def test_both_sides_without_a_bilateral_code_gives_right_and_left(
    statement: str, pair: tuple[str, str]
) -> None:
    found = codes(statement)
    assert set(pair) <= set(found)


def test_both_said_of_another_part_of_the_statement_is_not_this_diagnosis() -> None:
    found = codes("Small cell lung cancer with metastases to both femurs.")
    assert "C34.91" not in found or "C34.92" not in found


# Guideline I.C.6.b.1: pain documented as chronic takes G89.29 beside the site code.
def test_chronic_site_pain_at_a_visit_adds_other_chronic_pain() -> None:
    found = codes("Chronic right knee pain.")
    assert "M25.561" in found and "G89.29" in found


def test_pain_not_said_chronic_takes_the_site_code_alone() -> None:
    found = codes("Right knee pain.")
    assert "M25.561" in found and "G89.29" not in found


def test_chronic_pain_that_an_operation_treats_is_the_site_code() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Chronic pelvic pain.\nPOSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Diagnostic laparoscopy.\n"
    )
    found = [d["code"] for d in code_diagnoses(analyze(note))]
    assert "G89.29" not in found
