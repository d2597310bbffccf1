"""Facelift and lower-lid blepharoplasty qualifiers (round 19). 15829 is a rhytidectomy with a
SMAS raised as its own flap (incised, undermined and advanced, or a deep-plane lift); a SMAS only
plicated or drawn up with purse-string sutures under the skin-flap facelift is 15828. A lower lid
whose fat is excised from its compartments is 15821 (extensive herniated fat); a skin-muscle
lower lid with no fat work is 15820."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_smas_plication_stays_the_skin_flap_facelift() -> None:
    note = """PROCEDURE: Bilateral face and neck lift.
DESCRIPTION: Preauricular and postauricular incisions were made on each side and the cheek and
neck skin flaps were undermined with facelift scissors. The SMAS was plicated with interrupted
3-0 sutures from the malar area to the mastoid on both sides. Excess skin was trimmed and the
incisions were closed over drains.
"""
    codes = _codes(note)
    assert "15828" in codes
    assert "15829" not in codes


def test_purse_string_smas_suspension_is_not_a_flap() -> None:
    note = """OPERATION: Cervicofacial rhytidectomy with purse-string SMAS suspension.
DESCRIPTION: Skin flaps of the cheek and neck were elevated through preauricular incisions.
A purse-string suture was passed through the SMAS and tied to the deep temporal fascia on each
side, and the skin was redraped and closed.
"""
    codes = _codes(note)
    assert "15828" in codes
    assert "15829" not in codes


def test_smas_flap_raised_and_advanced_is_15829() -> None:
    note = """PROCEDURE: Bilateral rhytidectomy.
DESCRIPTION: The skin flaps were elevated. The SMAS was then incised below the zygomatic arch,
undermined as a flap and advanced superiorly and posteriorly, and the excess was trimmed and
sutured to the preauricular fascia. The skin was closed in layers.
"""
    codes = _codes(note)
    assert "15829" in codes
    assert "15828" not in codes


def test_lower_lid_fat_resected_from_compartments_is_15821() -> None:
    note = """PROCEDURE: Bilateral lower lid blepharoplasty.
DESCRIPTION: A subciliary skin-muscle flap was raised on the right lower lid. Fat was resected from
the medial, central and lateral compartments and the skin was trimmed and closed. The same was
done on the left lower lid.
"""
    codes = _codes(note)
    assert "15821" in codes
    assert "15820" not in codes


def test_lower_lid_skin_only_is_15820() -> None:
    note = """PROCEDURE: Bilateral lower lid blepharoplasty.
DESCRIPTION: A subciliary incision was made on each lower lid and a skin-muscle flap was raised.
A conservative strip of skin was trimmed and the incisions were closed with 6-0 sutures.
"""
    codes = _codes(note)
    assert "15820" in codes
    assert "15821" not in codes
