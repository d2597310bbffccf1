"""Small polyps burned away with the snare tip or cautery and nothing retrieved
(told "obliterated" with the snare) are an ablation at colonoscopy (45388); a
lumen or sac "obliterated" by disease is no service."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_polyps_obliterated_with_snare_tip_are_ablation() -> None:
    note = (
        "PROCEDURE: Colonoscopy.\n"
        "DESCRIPTION: The scope reached the cecum without difficulty. On retroflexion in the "
        "rectum three tiny polyps were seen; each was obliterated with the hot snare "
        "tip. No specimen was retrieved. The scope was withdrawn.\n"
    )
    got = codes(note)
    assert got[0] == "45388"


def test_lumen_obliterated_by_tumor_is_no_ablation() -> None:
    note = (
        "PROCEDURE: Colonoscopy.\n"
        "DESCRIPTION: The colonoscope was advanced to the sigmoid colon, where the lumen was "
        "obliterated by a friable circumferential mass. Biopsies of the mass were taken with "
        "cold forceps.\n"
    )
    assert "45388" not in codes(note)
