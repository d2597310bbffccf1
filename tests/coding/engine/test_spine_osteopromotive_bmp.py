"""Bone morphogenetic protein placed in a spine fusion is osteopromotive material, 20930 by
CPT's own wording - not a structural allograft (20931) even when dictated as "an 8 mm graft of
BMP" - and a basic metabolic panel (BMP) in a medical note is no graft at all."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_interbody_graft_of_bmp_is_20930_not_20931() -> None:
    note = (
        "PROCEDURE: L4-L5 laminectomy, discectomy and posterior lumbar interbody fusion with "
        "BMP.\n"
        "DESCRIPTION: The L4 lamina was removed and the disc space entered and cleared with "
        "curettes and rasps. The endplates were prepared and an interbody graft of BMP, an "
        "8 mm graft, was placed into the disc space. The dura was pulsatile at the end."
    )
    codes = _codes(note)
    assert "22630" in codes
    assert "20930" in codes
    assert "20931" not in codes


def test_bmp_sponge_beside_a_posterolateral_fusion() -> None:
    note = (
        "PROCEDURE: Posterolateral fusion L4-L5 with local autograft and rhBMP-2.\n"
        "DESCRIPTION: The transverse processes of L4 and L5 were decorticated. Local bone "
        "from the laminectomy was morselized and laid in the gutters together with a BMP "
        "sponge on each side."
    )
    codes = _codes(note)
    assert "22612" in codes
    assert "20930" in codes


def test_basic_metabolic_panel_is_not_a_graft() -> None:
    note = (
        "ASSESSMENT: Hypertension, stable.\n"
        "PLAN: Check a BMP and lipid panel. Continue lisinopril. Follow up after his lumbar "
        "fusion next month."
    )
    assert "20930" not in _codes(note)
