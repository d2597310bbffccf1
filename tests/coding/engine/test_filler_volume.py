"""A soft-tissue filler is coded by the total volume injected in the session, added over the
sites the narrative tells (11950 up to 1 cc, 11951 to 5 cc, 11952 to 10 cc, 11954 beyond);
with no volume told the smallest code stands. An anesthetic's volume is not the filler's."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_LIST = "PROCEDURES: 1. Juvederm to the nasolabial folds. 2. Restylane to the marionette lines.\n"


def test_volumes_at_two_sites_are_added() -> None:
    note = _LIST + (
        "DESCRIPTION: Topical anesthetic was applied. We injected 1.6 mL of the Juvederm "
        "into both nasolabial folds with a threading technique. Then 0.8 mL of Restylane was "
        "placed along the marionette lines. The areas were massaged."
    )
    assert _codes(note) == ["11951"]


def test_a_large_session_is_the_top_tier() -> None:
    note = "PROCEDURE: Sculptra injection to both cheeks and temples.\n" + (
        "DESCRIPTION: After reconstitution, 6 mL of Sculptra was injected into the cheeks. "
        "A further 5 mL of Sculptra was injected into the temples. Ice was applied."
    )
    assert _codes(note) == ["11954"]


def test_one_small_site_and_an_anesthetic_volume_stay_the_smallest_code() -> None:
    note = "PROCEDURE: Restylane injection of the glabellar line.\n" + (
        "DESCRIPTION: The area was blocked with 3 mL of 1% lidocaine. Then 0.5 mL of "
        "Restylane was injected into the glabellar line and massaged."
    )
    assert _codes(note) == ["11950"]


def test_no_volume_told_is_the_smallest_code() -> None:
    note = "PROCEDURE: Perlane injection of the nasolabial folds.\n" + (
        "DESCRIPTION: Perlane was injected into both folds by linear threading."
    )
    assert _codes(note) == ["11950"]
