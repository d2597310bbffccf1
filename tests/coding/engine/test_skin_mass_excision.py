"""A mass or nodule told as of the skin and excised is a skin lesion excision (114xx by the
excised diameter), not the excision of a subcutaneous soft-tissue tumor (2xxxx), which stays for
a subcutaneous mass or a lipoma."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _claim(listed: str) -> list[tuple[str, list[str]]]:
    note = (
        "PREOPERATIVE DIAGNOSIS: Enlarging mass.\n"
        f"PROCEDURE: {listed}\n"
        "DESCRIPTION: A 47-year-old woman. An ellipse was drawn around the lesion, which measured"
        " 1.2 cm, with 3 mm margins; it was excised into the subcutaneous fat and sent to"
        " pathology. The skin was closed with interrupted nylon sutures.\n"
    )
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_removal_of_a_skin_mass_is_a_skin_lesion_excision() -> None:
    codes = [c for c, _ in _claim("Removal of skin mass, right upper arm.")]
    assert codes == ["11402"]


def test_a_subcutaneous_mass_is_still_a_soft_tissue_excision() -> None:
    codes = [c for c, _ in _claim("Excision of subcutaneous mass, right upper arm, 2 cm.")]
    assert codes and codes[0] == "24075"
