"""Problem lists written in the index's inverted order, head first and its modifiers after
("Sleep apnea, obstructive"): the reader reads them in natural order. Synthetic notes."""

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
