"""An accessory auricle (ear tag, accessory tragus) excised with its cartilage is a partial
excision of the external ear, 69110 with its side; a skin tag of the ear with no cartilage is
left to the skin codes. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_an_ear_tag_with_cartilage_is_69110() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Left accessory tragus.\n"
        "PROCEDURE: Excision of left accessory ear tag.\n"
        "DESCRIPTION: The tag in front of the tragus was excised through an elliptical "
        "incision and its cartilage stalk was followed down and trimmed flush with the "
        "tragal cartilage. The skin was closed with 6-0 fast gut.\n"
    )
    assert _codes(note).get("69110") == ["LT"]


def test_a_skin_tag_without_cartilage_is_not_69110() -> None:
    note = (
        "PROCEDURE: Removal of skin tag near the right ear.\n"
        "DESCRIPTION: The 3 mm pedunculated skin tag was snipped off at its base with "
        "scissors and the base cauterized.\n"
    )
    assert "69110" not in _codes(note)
