"""Retrograde pyelograms done through a resectoscope or a scope passed into the bladder at a
bladder tumor resection are a cystourethroscopy with ureteral catheterization (52005, with 59
beside the resection) even when the note never writes the word "cystoscopy"; without a scope
in the bladder, a pyelogram alone is no 52005."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_pyelograms_at_a_turbt_without_the_word_cystoscopy() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Bladder tumor.\n"
        "OPERATION: Transurethral resection of bladder tumor, medium.\n"
        "DESCRIPTION: In lithotomy position a 22-French scope was passed through the urethra "
        "into the bladder. A 3 cm papillary tumor sat on the left lateral wall. Both ureteral "
        "orifices were cannulated in turn with a cone tip catheter and bilateral pyelograms "
        "were obtained, which showed no filling defects. The tumor was then resected with the "
        "loop down to muscle and the base fulgurated. A Foley catheter was left.\n"
    )
    got = lines(note)
    assert "52235" in got
    assert got.get("52005") == ["59"]


def test_a_pyelogram_without_a_scope_in_the_bladder_is_not_52005() -> None:
    note = (
        "PROCEDURE: Antegrade nephrostogram.\n"
        "DESCRIPTION: Contrast was injected through the existing right nephrostomy tube. The "
        "pyelogram showed no filling defects and free drainage into the bladder.\n"
    )
    assert "52005" not in lines(note)
