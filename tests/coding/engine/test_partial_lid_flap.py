"""A lower lid defect told as a part of the lid (one-half, 40%) rebuilt with a
tarsoconjunctival flap from the upper lid is the up-to-two-thirds code 67971; with no extent
told the lower lid flap stays 67973. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


NOTE = (
    "PREOPERATIVE DIAGNOSIS: Defect of the right lower eyelid after Mohs surgery.\n"
    "PROCEDURE: Repair of {extent}full-thickness right lower lid defect with a "
    "tarsoconjunctival flap from the right upper lid.\n"
    "DESCRIPTION: The upper lid was everted, the tarsus incised 4 mm above the margin and the "
    "tarsoconjunctival flap advanced into the lower lid defect and sutured. A skin-muscle "
    "advancement covered it.\n"
)


def test_a_half_lid_defect_is_67971() -> None:
    found = _codes(NOTE.format(extent="a one-half "))
    assert found.get("67971") == ["RT"]
    assert "67973" not in found


def test_a_percent_of_the_lid_is_67971() -> None:
    found = _codes(NOTE.format(extent="a ") + "The defect measured 40% of the lower lid.\n")
    assert "67971" in found and "67973" not in found


def test_no_extent_told_stays_67973() -> None:
    found = _codes(NOTE.format(extent="a "))
    assert found.get("67973") == ["RT"]
    assert "67971" not in found
