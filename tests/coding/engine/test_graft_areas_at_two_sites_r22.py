"""A split-thickness graft told at two sites of one anatomic group in one sentence (both legs)
is counted by the summed area (CPT adds the grafted areas of one group); a graft and the defect
it covers, or its donor area, are one site told twice and are not added."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, int]:
    return {p["code"]: p["units"] for p in code_cpt(note)["procedures"]}


def test_grafts_on_both_legs_add_their_areas() -> None:
    note = (
        "DIAGNOSIS: Venous ulcers of both lower legs.\n"
        "OPERATION: Split-thickness skin grafts, 12 x 16 cm to the right calf and 14 x 14 cm "
        "to the left calf.\n"
        "PROCEDURE: The ulcer beds were irrigated. A split-thickness graft was taken from the "
        "left thigh with the dermatome, meshed and stapled onto both wounds."
    )
    lines = _lines(note)
    assert lines["15100"] == 1
    # 192 + 196 = 388 sq cm: 288 beyond the first 100 -> 3 further units
    assert lines["15101"] == 3


def test_one_leg_graft_keeps_its_own_area() -> None:
    note = (
        "DIAGNOSIS: Venous ulcer of the right lower leg.\n"
        "OPERATION: Split-thickness skin graft, 12 x 16 cm to the right calf.\n"
        "PROCEDURE: A split-thickness graft was taken from the thigh, meshed and stapled."
    )
    lines = _lines(note)
    assert lines["15100"] == 1
    assert lines["15101"] == 1


def test_graft_over_its_defect_is_not_added_twice() -> None:
    note = (
        "DIAGNOSIS: Open wound of the left thigh.\n"
        "OPERATION: Split-thickness skin graft of 11 x 11 cm placed over the 10 x 10 cm "
        "thigh defect.\n"
        "PROCEDURE: The graft was taken with the dermatome, meshed and stapled in place."
    )
    lines = _lines(note)
    assert lines["15100"] == 1
    assert lines["15101"] == 1  # 121 sq cm, not 221


def test_donor_and_recipient_areas_are_not_added() -> None:
    note = (
        "DIAGNOSIS: Burn of the right forearm.\n"
        "OPERATION: Split-thickness skin graft to the right forearm.\n"
        "PROCEDURE: A 9 x 12 cm donor area of the thigh was harvested at 0.012 inch, and the "
        "graft was stapled to the 9 x 12 cm forearm wound."
    )
    lines = _lines(note)
    assert "15100" in lines
    assert lines.get("15101", 1) == 1
