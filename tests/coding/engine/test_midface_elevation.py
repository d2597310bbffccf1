"""A midface elevation (a midface lift told as an elevation or suspension of the midface) is
the cheek rhytidectomy 15828, with 50 when both sides are lifted; a z-plasty of a scar listed
beside it stays its own line (14040). A cheek flap elevated for a Mohs defect is no lift.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_both_sides_lifted_with_a_scar_z_plasty() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right nasolabial scar contracture with midface asymmetry.\n"
        "PROCEDURES PERFORMED:\n1. Right midface elevation.\n"
        "2. Right nasolabial scar z-plasty and left midface suspension for symmetry.\n"
        "DESCRIPTION: Through a lateral canthal incision the periosteum was elevated over the "
        "zygoma and the midface was lifted and fixed with a bioabsorbable device. A z-plasty "
        "was designed along the 3 cm scar, the flaps transposed and sutured. The left midface "
        "was suspended in the same way.\n"
    )
    found = _codes(note)
    assert found.get("15828") == ["50"]
    assert "14040" in found


def test_a_cheek_flap_for_a_mohs_defect_is_no_lift() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Mohs defect of the left cheek, 2.5 cm.\n"
        "PROCEDURE: Cheek advancement flap repair.\n"
        "DESCRIPTION: Elevation of the midface skin flap was carried out in the subcutaneous "
        "plane and the flap was advanced into the defect and closed in layers.\n"
    )
    assert "15828" not in _codes(note)
