"""Repair lengths are added per site group (CPT sums the repairs of one group and one
classification), and "each additional" add-ons take their units from the measured size."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.cpt.ruleset import RULES_DIR, load_ruleset
from agentkit.errors import DataFileError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "engine" / "rules"


def _lines(note: str) -> dict[str, int]:
    return {p["code"]: p["units"] for p in code_cpt(note)["procedures"]}


def test_two_layered_closures_of_one_site_group_are_one_summed_code() -> None:
    note = (
        "PROCEDURE: Layered closure of two lacerations.\n"
        "DESCRIPTION: A 3 cm laceration of the left forearm was closed in layers with 4-0 Vicryl "
        "and 5-0 nylon. A 2 cm laceration of the left upper arm was closed in layers with 4-0 "
        "Vicryl and 5-0 nylon."
    )
    lines = _lines(note)
    assert "12032" in lines  # 3 + 2 = 5 cm, trunk/extremity group
    assert "12031" not in lines and "12034" not in lines


def test_one_measured_wound_keeps_its_own_length() -> None:
    note = (
        "PROCEDURE: Layered closure of laceration.\n"
        "DESCRIPTION: A 2 cm laceration of the left forearm was closed in layers with 4-0 Vicryl."
    )
    assert "12031" in _lines(note)


def test_complex_repair_beyond_seven_and_a_half_cm_adds_the_add_on() -> None:
    note = (
        "PROCEDURE: Complex repair of laceration of the back.\n"
        "DESCRIPTION: The wound edges were debrided and the wound was extensively undermined "
        "and closed in layers. Total length 15 cm."
    )
    lines = _lines(note)
    assert lines.get("13101") == 1
    assert lines.get("13102") == 2  # 7.5 cm beyond the first 7.5: two further 5 cm blocks


def test_debridement_area_gives_units_of_the_add_on() -> None:
    note = (
        "PROCEDURE: Excisional debridement of sacral wound to subcutaneous tissue.\n"
        "DESCRIPTION: Necrotic subcutaneous tissue was excised sharply with a scalpel. The "
        "debrided area measured 8 x 7 cm."
    )
    lines = _lines(note)
    assert lines.get("11042") == 1
    assert lines.get("11045") == 2  # 56 sq cm: 36 beyond the first 20 is two further 20s


def test_a_single_length_is_no_area_for_further_units() -> None:
    note = (
        "PROCEDURE: Excisional debridement of sacral wound to subcutaneous tissue.\n"
        "DESCRIPTION: Necrotic subcutaneous tissue was excised sharply. The wound measured 9 cm."
    )
    lines = _lines(note)
    assert "11042" in lines and "11045" not in lines


def test_units_from_the_size_need_a_size_range() -> None:
    with pytest.raises(DataFileError) as err:
        load_ruleset([RULES_DIR / "common.yaml", FIXTURES / "bad_units_size.yaml"])
    assert "units from the size need size_cm or area_cm2" in str(err.value)


def test_lesion_excised_with_margins_is_coded_by_the_excised_diameter() -> None:
    note = (
        "PROCEDURE: Excision of atypical nevus of the left upper back.\n"
        "DESCRIPTION: The 0.8 cm nevus of the left upper back was excised with 2 mm margins "
        "and closed primarily."
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["11402"]  # 0.8 + 2 x 0.2


def test_a_margin_alone_is_no_lesion_size() -> None:
    note = (
        "PROCEDURE: Wide local excision of melanoma of the back with 1 cm margins.\n"
        "DESCRIPTION: The melanoma of the back was excised down to fascia; excised diameter "
        "3.5 cm. The wound was closed primarily."
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["11604"]
