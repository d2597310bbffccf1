"""Eyelid work on the lid margin. A tumor excision that takes part of the margin (the margin
itself, its lashes) and is repaired with a graft or flap is the excision-and-repair code
(67961 up to a fourth of the margin, 67966 beyond it: "from the punctum to the lateral canthus");
a lid lesion excised with a simple closure stays 67840. Trichiasis or entropion corrected at the
margin (gray line split, lash-bearing anterior lamella excised) is 67830, with a free mucous
membrane graft 67835; each lid keeps its own side."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [
        p["code"] + "".join("-" + m for m in p["modifiers"]) for p in code_cpt(note)["procedures"]
    ]


MARGIN_TUMOR = """PREOPERATIVE DIAGNOSIS: Basal cell carcinoma, left lower eyelid.
PROCEDURE: Excision of left lower eyelid basal cell carcinoma with skin graft.
DESCRIPTION: The tumor was outlined with 2 mm margins and excised including the eyelid margin
and a few lashes{extent}. Frozen sections were clear. A full-thickness skin graft from the
right upper lid was sutured into the defect with 6-0 gut.
"""


def test_a_margin_tumor_excision_repaired_with_a_graft_is_67961() -> None:
    codes = _codes(MARGIN_TUMOR.format(extent=""))
    assert "67961-LT" in codes
    assert not {"11640", "11641", "67840"} & {c.split("-")[0] for c in codes}


def test_the_whole_margin_from_punctum_to_lateral_canthus_is_67966() -> None:
    codes = _codes(MARGIN_TUMOR.format(extent=", from the punctum to the lateral canthus"))
    assert "67966-LT" in codes
    assert "67961-LT" not in codes


def test_a_lid_lesion_excised_and_closed_simply_stays_67840() -> None:
    note = """PROCEDURE: Excision of a right upper eyelid lesion.
DESCRIPTION: The 4 mm papilloma on the skin of the right upper eyelid was excised with a
blade and the wound closed with two 6-0 sutures.
"""
    codes = _codes(note)
    assert [c.split("-")[0] for c in codes] == ["67840"]


def test_gray_line_split_for_trichiasis_is_67830_and_a_grafted_margin_67835() -> None:
    note = """PREOPERATIVE DIAGNOSES: Trichiasis, right upper lid. Cicatricial entropion, left
lower lid.
OPERATION:
1. Correction of trichiasis, right upper lid, by lid margin split.
2. Repair of entropion, left lower lid, with a buccal mucosal graft.
DESCRIPTION: The right upper lid was split at the gray line and the lash-bearing anterior
lamella was recessed and sutured. Attention was then turned to the left lower lid, where the
posterior lid margin was excised and a buccal mucosal graft was sewn into the defect.
"""
    assert sorted(_codes(note)) == ["67830-RT", "67835-LT"]


def test_a_gray_line_incision_in_a_tumor_reconstruction_is_not_trichiasis_surgery() -> None:
    note = """PROCEDURE: Excision of right lower lid tumor with a skin graft.
DESCRIPTION: The tumor was excised and a preauricular skin graft placed; its upper edge was
tucked into an incision in the gray line of the lid and sutured.
"""
    codes = {c.split("-")[0] for c in _codes(note)}
    assert not {"67830", "67835"} & codes
