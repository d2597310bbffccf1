"""A complete axillary lymphadenectomy is a one-axilla service (CMS bilateral indicator 1): it
takes the side of the axilla dissected, 50 when both are. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_a_left_axillary_dissection_is_lt() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Metastatic melanoma to left axillary nodes.\n"
        "PROCEDURE: Left axillary lymph node dissection.\n"
        "DESCRIPTION: The axillary vein, long thoracic and thoracodorsal nerves were "
        "identified and the level I and II nodes were removed en bloc. A drain was placed.\n"
    )
    assert _codes(note).get("38745") == ["LT"]


def test_both_axillae_dissected_is_50() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Bilateral axillary nodal metastases.\n"
        "PROCEDURE: Bilateral axillary lymph node dissection.\n"
        "DESCRIPTION: The level I and II nodes were removed from each axilla en bloc.\n"
    )
    assert _codes(note).get("38745") == ["50"]
