"""A benign cyst of the jaw enucleated or curetted out of the bone is 21040 in the mandible and
21030 in the maxilla (the impacted tooth removed with it goes to the dental claim); a biopsy of
the cyst is no excision, and a cyst elsewhere is not a jaw cyst."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def _note(dx: str, action: str) -> str:
    return (
        f"PREOPERATIVE DIAGNOSIS: {dx}.\n"
        "PROCEDURE: Removal of cyst and extraction of impacted tooth.\n"
        "DESCRIPTION: Under general anesthesia a mucoperiosteal flap was raised and a window "
        f"of bone removed with a bur. The impacted tooth was sectioned and delivered. {action} "
        "The site was irrigated and closed with chromic suture."
    )


def test_dentigerous_cyst_of_the_mandible_is_21040() -> None:
    note = _note(
        "Dentigerous cyst of the right mandible around impacted tooth #32",
        "The cyst lining was curetted out of the mandible and sent to pathology.",
    )
    assert _codes(note) == ["21040"]


def test_radicular_cyst_of_the_maxilla_is_21030() -> None:
    note = _note(
        "Radicular cyst of the left maxilla",
        "The cyst was enucleated in one piece from the maxilla.",
    )
    assert _codes(note) == ["21030"]


def test_a_biopsy_only_is_not_an_excision() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Odontogenic cyst of the left mandible.\n"
        "PROCEDURE: Incisional biopsy of the mandibular cyst.\n"
        "DESCRIPTION: A small window was made and a piece of the cyst wall was taken for "
        "biopsy. The site was closed."
    )
    assert "21040" not in _codes(note)
