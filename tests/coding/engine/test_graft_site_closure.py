"""A skin graft stapled or sutured in place, or its donor site closed, is part of the graft
code (CPT: the graft codes include fixation and simple closure of the donor site); the closure
sentence is no simple or intermediate wound repair (12001-12057)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_graft_stapled_to_the_wound_is_no_simple_repair() -> None:
    codes = _codes(
        "PREOPERATIVE DIAGNOSIS: Nonhealing wound of the left calf, 6 x 5 cm.\n"
        "PROCEDURE: Split-thickness skin graft to the left calf wound, 30 sq cm, from the left"
        " thigh.\n"
        "DESCRIPTION: A 64-year-old man. The wound bed was prepared. A split-thickness graft was"
        " harvested from the left thigh with a dermatome, meshed 1.5:1 and placed on the wound,"
        " where it was secured with staples. The donor site was dressed. A bolster was tied"
        " over the graft.\n"
    )
    assert "15100" in codes
    assert not [c for c in codes if c.startswith("120")]


def test_a_donor_site_closed_in_layers_is_part_of_a_full_thickness_graft() -> None:
    codes = _codes(
        "PREOPERATIVE DIAGNOSIS: Basal cell carcinoma of the nasal tip.\n"
        "PROCEDURE: Full-thickness skin graft to the nasal tip from the left supraclavicular"
        " area, 3 sq cm.\n"
        "DESCRIPTION: A 69-year-old man with a nasal tip defect after excision elsewhere. A"
        " full-thickness graft was harvested from the left supraclavicular skin and defatted."
        " The donor site wound, 4 cm long, was closed in layers with buried sutures and a"
        " running stitch. The graft was sutured into the defect and a bolster applied.\n"
    )
    assert not [c for c in codes if c.startswith("120")]


def test_a_laceration_repair_without_a_graft_is_unchanged() -> None:
    codes = _codes(
        "PROCEDURE PERFORMED: Repair of a 4 cm laceration of the right forearm.\n"
        "DESCRIPTION: A 30-year-old man. The wound was irrigated and the 4 cm laceration of the"
        " right forearm was closed with simple interrupted sutures.\n"
    )
    assert codes == ["12002"]
