"""At one bronchoscopy a transbronchial needle aspiration (31629) is worth more than a
transbronchial lung biopsy of one lobe (31628), so it is listed first."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def test_tbna_outranks_transbronchial_biopsy() -> None:
    note = (
        "PROCEDURE: Bronchoscopy with transbronchial biopsies of the right upper lobe and"
        " transbronchial needle aspiration of the subcarinal lymph node.\n"
        "DESCRIPTION: Under fluoroscopy four transbronchial biopsies of the right upper lobe"
        " were taken. A 21-gauge needle was passed through the carina and three aspirates of"
        " the subcarinal node were obtained.\n"
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["31629", "31628"]
