"""Antibiotic beads left in a deep wound at a debridement are the add-on 20700, and beads of an
earlier operation taken out are 20701; neither stands without a primary NCCI lists for it, and
beads in a joint after an arthroplasty is removed are another service."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_beads_exchanged_at_open_fracture_debridement() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Open fracture of the left tibia.\n"
        "PROCEDURES: Irrigation and debridement of an open fracture including bone; exchange "
        "of antibiotic beads.\n"
        "DESCRIPTION: The wound was opened and the old beads were removed, twelve in all. "
        "Devitalized muscle and bone were debrided with a curette and rongeur and the wound "
        "irrigated with 6 liters. Vancomycin and tobramycin cement beads were made on the back "
        "table and ten beads were placed in the wound, which was then partly closed."
    )
    codes = _codes(note)
    assert codes[0] == "11012"
    assert "20700" in codes
    assert "20701" in codes


def test_beads_only_removed() -> None:
    note = (
        "PROCEDURES: Excisional debridement of the left heel wound including bone.\n"
        "DESCRIPTION: The prior antibiotic beads were removed from the calcaneal wound. "
        "Necrotic bone was removed with a rongeur down to bleeding bone and the wound was "
        "irrigated and packed."
    )
    codes = _codes(note)
    assert "11044" in codes
    assert "20701" in codes
    assert "20700" not in codes


def test_beads_in_history_are_no_service() -> None:
    note = (
        "HISTORY: She had a debridement with antibiotic beads placed last month.\n"
        "PROCEDURES: Excisional debridement of the right foot ulcer into muscle.\n"
        "DESCRIPTION: The ulcer was debrided of necrotic muscle with a curette and irrigated."
    )
    codes = _codes(note)
    assert "20700" not in codes
    assert "20701" not in codes


def test_beads_with_arthroplasty_removal_are_not_the_deep_tissue_code() -> None:
    note = (
        "PROCEDURES: Removal of infected total knee arthroplasty, placement of antibiotic "
        "beads.\n"
        "DESCRIPTION: The components were removed and the joint debrided; antibiotic beads "
        "were placed in the joint."
    )
    assert "20700" not in _codes(note)
