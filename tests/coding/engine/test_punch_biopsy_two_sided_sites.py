"""One punch biopsy sentence that names two sites by their sides ("of the right forearm and the
left upper back") is two biopsies: 11104 and 11105; a second side named elsewhere in the
sentence is no second biopsy."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str, age: int = 40) -> list[tuple[str, list[str], int]]:
    out = code_cpt(note, patient={"age": age})["procedures"]
    return [(p["code"], p["modifiers"], p["units"]) for p in out]


def test_punch_biopsy_of_two_sites_named_by_side() -> None:
    note = (
        "PROCEDURE: Punch biopsy of skin lesions.\n"
        "DESCRIPTION: A 4 mm punch biopsy was performed on the right forearm and the left upper"
        " back. Specimens were sent to pathology.\n"
    )
    assert lines(note) == [("11104", [], 1), ("11105", [], 1)]
    note = (
        "PROCEDURE: Punch biopsy of skin lesions.\n"
        "DESCRIPTION: A 3 mm punch biopsy was performed on the left and right shins."
        " Specimens were sent to pathology.\n"
    )
    assert lines(note) == [("11104", [], 1), ("11105", [], 1)]


def test_one_punch_biopsy_site_stays_one() -> None:
    note = (
        "PROCEDURE: Punch biopsy of a skin lesion.\n"
        "DESCRIPTION: A 4 mm punch biopsy was performed on the left forearm and closed with one"
        " suture, and the right arm was examined. Specimen sent to pathology.\n"
    )
    assert lines(note) == [("11104", [], 1)]
