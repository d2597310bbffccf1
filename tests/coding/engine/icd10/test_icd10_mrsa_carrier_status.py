"""MRSA colonization is a carrier status (Z22.322) reported wherever the note tells it, a
hospital course's positive screening swab included; a negative swab is not. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


_LIST = "DISCHARGE DIAGNOSES:\n1. Community-acquired pneumonia.\n"


def test_positive_swab_in_the_hospital_course() -> None:
    note = (
        _LIST
        + "HOSPITAL COURSE: She improved on antibiotics. A nasal swab showed MRSA colonization.\n"
    )
    assert _codes(note) == ["J18.9", "Z22.322"]


def test_negative_swab_is_no_carrier() -> None:
    # trap: the screen was negative
    note = _LIST + "HOSPITAL COURSE: She improved. Screening was negative for MRSA colonization.\n"
    assert _codes(note) == ["J18.9"]


def test_mrsa_infection_is_not_colonization() -> None:
    note = "ASSESSMENT: Cellulitis of the right leg due to MRSA.\n"
    assert "Z22.322" not in _codes(note)
