"""Evidence is always the note's own words; confidence reflects the strength of evidence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from agentkit.checks.quotes import normalize_for_quote, quote_in_source
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.confidence import REVIEW_THRESHOLD

NOTES = [
    "PROCEDURE PERFORMED: Colonoscopy with biopsy.\nFINDINGS: Biopsies of the sigmoid were taken.",
    "Operation: right inguinal hernia repair with mesh. The sac was ligated.",
    "EXAM: CT of the head without contrast.\nTECHNIQUE: Axial images.\nIMPRESSION: Normal.",
    "PROCEDURES:\n1. Bilateral myringotomy with tympanostomy tubes.\n2. Adenoidectomy.",
]


def test_every_evidence_is_a_verbatim_substring() -> None:
    for note in NOTES:
        out = code_cpt(note)
        assert out["procedures"], note
        for p in out["procedures"]:
            assert p["evidence"] in note
            assert quote_in_source(p["evidence"], normalize_for_quote(note))


@given(st.sampled_from(NOTES), st.text(max_size=80))
@settings(max_examples=60, deadline=None)
def test_evidence_stays_verbatim_with_noise_around(note: str, noise: str) -> None:
    text = noise + "\n" + note + "\n" + noise
    for p in code_cpt(text)["procedures"]:
        assert p["evidence"] in text


def test_procedure_list_is_stronger_than_narrative() -> None:
    listed = code_cpt("PROCEDURE: Vasectomy.\nDESCRIPTION: Both vasa were divided and cauterized.")
    narrative = code_cpt("DESCRIPTION: The patient was prepped. A vasectomy was then performed.")
    assert listed["procedures"][0]["confidence"] > narrative["procedures"][0]["confidence"]


def test_missing_size_side_or_age_lands_below_review_threshold() -> None:
    no_size = code_cpt("PROCEDURE: Umbilical hernia repair.")["procedures"][0]
    assert no_size["code"] == "49591" and no_size["confidence"] < REVIEW_THRESHOLD
    no_side = code_cpt("PROCEDURE: Carpal tunnel release.")["procedures"][0]
    assert (
        no_side["confidence"]
        < code_cpt("PROCEDURE: Left carpal tunnel release.")["procedures"][0]["confidence"]
    )
    no_age = code_cpt("PROCEDURE: Tonsillectomy and adenoidectomy.")["procedures"][0]
    assert no_age["confidence"] < REVIEW_THRESHOLD
    assert "age not documented" in no_age["rationale"]
