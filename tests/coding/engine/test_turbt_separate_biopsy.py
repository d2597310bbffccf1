"""A biopsy of another area of the bladder taken at a bladder tumor resection is a service of
its own (52204 with 59 beside 52234-52240); a biopsy of the resected tumor, its base or the
resection bed is part of the resection. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


TURBT = (
    "POSTOPERATIVE DIAGNOSIS: Papillary bladder tumor.\n"
    "PROCEDURE: Cystoscopy and transurethral resection of a 3 cm bladder tumor{listed}.\n"
    "DESCRIPTION: The resectoscope was passed and the papillary tumor on the right lateral "
    "wall was resected down to muscle with the loop. Cold cup biopsies were taken from the "
    "tumor base and sent separately. {story}Hemostasis was obtained and a Foley catheter was "
    "left.\n"
)


def test_a_biopsy_of_another_bladder_area_is_reported_with_59() -> None:
    found = _codes(
        TURBT.format(
            listed=" and biopsy of the bladder dome",
            story="An erythematous patch on the dome was biopsied with cold cup forceps. ",
        )
    )
    assert "52235" in found
    assert found.get("52204") == ["59"]


def test_a_biopsy_of_the_tumor_base_is_part_of_the_resection() -> None:
    found = _codes(TURBT.format(listed="", story=""))
    assert "52235" in found and "52204" not in found


def test_a_cystoscopy_with_bladder_biopsy_alone_has_no_59() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Microscopic hematuria.\n"
        "PROCEDURE: Cystoscopy with bladder biopsy.\n"
        "DESCRIPTION: The cystoscope was passed. A red patch on the posterior wall of the "
        "bladder was biopsied with cold cup forceps and the site fulgurated for hemostasis.\n"
    )
    found = _codes(note)
    assert found.get("52204") == []
