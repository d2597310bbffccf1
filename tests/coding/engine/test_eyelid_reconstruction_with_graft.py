"""A lid tumor removed and the lid rebuilt with a flap from the opposing lid: the excision is
part of the reconstruction (67971/67973), and a skin graft cut in front of or behind the ear
for the front lamella is a full-thickness graft of the eyelid (15260). Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


LOWER_LID = (
    "POSTOPERATIVE DIAGNOSIS: Basal cell carcinoma of the left lower eyelid.\n"
    "PROCEDURE: Excision of a basal cell carcinoma of the left lower lid with reconstruction "
    "by a tarsoconjunctival flap from the upper lid{graft}.\n"
    "DESCRIPTION: The tumor was excised full thickness with a few millimeters of margin. The "
    "upper lid was everted and a flap of tarsus and conjunctiva was advanced into the lower "
    "lid defect and sutured in place.{story}\n"
)


def test_the_tumor_excision_is_part_of_the_flap_reconstruction() -> None:
    found = _codes(LOWER_LID.format(graft="", story=""))
    assert found.get("67973") == ["LT"]
    assert "67840" not in found and not any(c.startswith("116") for c in found)


def test_a_graft_from_in_front_of_the_ear_is_a_full_thickness_lid_graft() -> None:
    found = _codes(
        LOWER_LID.format(
            graft=" and a postauricular skin graft",
            story=" A postauricular skin graft was cut to fit the skin defect and sewn in.",
        )
    )
    assert "67973" in found and "15260" in found
    assert "15100" not in found and "15120" not in found


def test_a_skin_graft_from_the_thigh_is_not_called_full_thickness() -> None:
    note = (
        "PROCEDURE: Split thickness skin graft to the right leg wound, 40 sq cm.\n"
        "DESCRIPTION: The graft was harvested with a dermatome from the right thigh and meshed.\n"
    )
    found = _codes(note)
    assert "15260" not in found and "15240" not in found


def test_a_tarsoconjunctival_pedicle_flap_is_the_lid_reconstruction_not_a_pedicle_flap() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Left lower lid defect after Mohs surgery.\n"
        "PROCEDURE: Repair of a full-thickness left lower lid defect with a tarsoconjunctival "
        "pedicle flap from the left upper lid.\n"
        "DESCRIPTION: The upper lid was everted and a strip of tarsus with its conjunctiva was "
        "raised on a pedicle and advanced into the lower lid defect, where it was sutured.\n"
    )
    found = _codes(note)
    assert found.get("67973") == ["LT"]
    assert "15576" not in found


def test_muller_muscle_freed_while_raising_the_flap_is_no_ptosis_repair() -> None:
    note = (
        "PROCEDURE: Reconstruction of the right lower lid with a tarsoconjunctival flap from "
        "the right upper lid.\n"
        "DESCRIPTION: The tarsus was incised above the margin and the flap was separated from "
        "Muller muscle before it was sutured into the lower lid defect.\n"
    )
    found = _codes(note)
    assert "67973" in found and "67904" not in found
