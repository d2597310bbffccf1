"""Graft and burn services are counted by area told in square units ("3520 cm2", "450 sq cm")
and by the items of the procedure list; a square unit is no length."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.text.attributes import areas, sizes


def _lines(note: str) -> list[tuple[str, int]]:
    return [(p["code"], p["units"]) for p in code_cpt(note)["procedures"]]


def test_areas_in_square_units_are_read_and_are_not_lengths() -> None:
    doc = analyze("Grafted 3520 cm2 of the back, 450 sq cm of the flank, 1,200 square centimeters.")
    assert [a.area_cm2 for a in areas(doc)] == [3520.0, 450.0, 1200.0]
    assert sizes(doc) == []
    assert [a.area_cm2 for a in areas(analyze("an 80 mm2 defect"))] == [0.8]
    assert [s.largest_cm for s in sizes(analyze("a 3 x 4 cm defect"))] == [4.0]


def test_epidermal_autograft_area_gives_the_add_on_units() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Flame burns of the trunk.\n"
        "PROCEDURE PERFORMED: Epidermal autograft to the back (350 cm2).\n"
        "DESCRIPTION: Epidermis was harvested from the thighs, meshed and stapled to the back."
    )
    lines = dict(_lines(note))
    assert lines["15110"] == 1
    assert lines["15111"] == 3  # 250 sq cm beyond the first 100


def test_a_small_told_area_has_no_add_on() -> None:
    note = (
        "PROCEDURE PERFORMED: Epidermal autograft to the left forearm (80 sq cm).\n"
        "DESCRIPTION: The graft was harvested from the thigh and secured with staples."
    )
    codes = [c for c, _ in _lines(note)]
    assert "15110" in codes
    assert "15111" not in codes


def test_burn_allograft_is_a_skin_substitute_graft_by_area() -> None:
    note = (
        "PROCEDURE PERFORMED: Application of cadaver allograft to the flank burn wounds "
        "(450 sq cm).\nDESCRIPTION: The allograft was thawed, meshed and stapled in place."
    )
    lines = dict(_lines(note))
    assert lines["15273"] == 1
    assert lines["15274"] == 4


def test_bone_allograft_is_not_a_skin_graft() -> None:
    note = (
        "PROCEDURE PERFORMED: Anterior cervical discectomy and fusion at C5-C6.\n"
        "DESCRIPTION: The disc was removed and a structural allograft was placed in the "
        "interspace; a plate was applied."
    )
    codes = [c for c, _ in _lines(note)]
    assert not {"15271", "15273", "15274"} & set(codes)


def test_escharotomies_listed_as_items_count_each_incision() -> None:
    note = (
        "PROCEDURES PERFORMED:\n"
        "1. Escharotomy of the right upper extremity.\n"
        "2. Escharotomy of the left upper extremity.\n"
        "DESCRIPTION: The circumferential eschar of each arm was incised with cautery."
    )
    assert _lines(note) == [("16035", 1), ("16036", 1)]


def test_one_listed_escharotomy_is_one_incision() -> None:
    note = (
        "PROCEDURE PERFORMED: Escharotomy of the right upper extremity.\n"
        "DESCRIPTION: The eschar was incised along the lateral arm with cautery."
    )
    assert _lines(note) == [("16035", 1)]
