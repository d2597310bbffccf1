"""A listed 'fulguration' whose narrative only fulgurates the biopsy sites is the hemostasis of
the biopsy (52204), not the treatment of lesions (52224); lesions fulgurated stay 52224."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_listed_fulguration_of_the_biopsy_sites_is_the_biopsy() -> None:
    note = (
        "PROCEDURE: Cystoscopy, bladder biopsies and fulguration.\n"
        "DESCRIPTION: A 70-year-old man. The cystoscope was passed into the bladder. Cold cup "
        "biopsies were taken from the posterior wall and the dome, and the biopsy sites were "
        "fulgurated with the Bugbee electrode.\n"
    )
    assert codes(note) == ["52204"]


def test_small_lesions_fulgurated_stay_the_fulguration_code() -> None:
    note = (
        "PROCEDURE: Cystoscopy with fulguration of bladder lesions.\n"
        "DESCRIPTION: A 70-year-old man. The cystoscope was passed into the bladder. Three "
        "tiny papillary lesions of the trigone were fulgurated with the Bugbee electrode.\n"
    )
    assert codes(note) == ["52224"]
