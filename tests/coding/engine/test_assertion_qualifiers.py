"""Qualifiers after a diagnosis ("not controlled", "not at goal") describe it, not deny it."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze, assertion_of


@pytest.mark.parametrize(
    "sentence,concept,status",
    [
        ("Essential hypertension, not controlled.", "Essential hypertension", "present"),
        ("Type 2 diabetes, not at goal.", "Type 2 diabetes", "present"),
        ("Asthma, not well controlled on current inhaler.", "Asthma", "present"),
        ("Depression, not improving on sertraline.", "Depression", "present"),
        ("Diabetes mellitus type 2, not on insulin.", "Diabetes mellitus type 2", "present"),
        ("Gallstones not seen on ultrasound.", "Gallstones", "negated"),
        ("Polyps were not identified.", "Polyps", "negated"),
        ("No evidence of hydronephrosis.", "hydronephrosis", "negated"),
        ("Acute urticaria, cause not found.", "Acute urticaria", "present"),
        ("Fever, source not yet identified.", "Fever", "present"),
        ("Chronic cough, etiology remains not determined.", "Chronic cough", "present"),
    ],
)
def test_post_qualifiers(sentence: str, concept: str, status: str) -> None:
    text = f"ASSESSMENT:\n{sentence}\n"
    doc = analyze(text)
    start = text.index(concept)
    assert assertion_of(doc, start, start + len(concept)).status == status
