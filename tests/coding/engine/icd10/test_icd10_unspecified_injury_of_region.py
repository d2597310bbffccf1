"""An unspecified injury of a body region (S19.9- ... S99.9-) beside a specific injury of the
same region is that injury told loosely ("presenting with a foot and ankle injury" and the
assessment's ankle sprain): only the specific code. An unspecified injury of another region
stays. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_loose_injury_beside_the_sprain_of_the_same_region() -> None:
    note = (
        "CHIEF COMPLAINT: Ankle pain.\n"
        "HISTORY OF PRESENT ILLNESS: A 16-year-old twisted the right ankle at soccer today.\n"
        "MEDICAL DECISION MAKING: Young man presenting with a right ankle injury; x-rays "
        "show no fracture.\n"
        "ASSESSMENT: Right ankle sprain.\n"
        "PLAN: Splint, crutches and ibuprofen.\n"
    )
    codes = _codes(note)
    assert "S93.401A" in codes
    assert not any(c.startswith("S99.9") for c in codes)


def test_unspecified_injury_of_another_region_stays() -> None:
    note = "ASSESSMENT:\n1. Right ankle sprain.\n2. Injury of the left wrist.\n"
    codes = _codes(note)
    assert "S93.401A" in codes
    assert any(c.startswith("S69.9") for c in codes)
