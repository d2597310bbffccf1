"""Bladder irrigation or instillation at a major operation or a delivery (dye instilled to test
the bladder at a cesarean) is the operation's standard care, not a line of its own; on its own
it is still reported."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_dye_instilled_into_the_bladder_at_a_cesarean_is_part_of_it() -> None:
    # even when the procedure list names the instillation as a step of its own
    note = (
        "PROCEDURES:\n1. Repeat low transverse cesarean section.\n"
        "2. Instillation of indigo carmine into the bladder.\n"
        "DESCRIPTION: A 32-year-old at 39 weeks. A Pfannenstiel incision was made and a live "
        "male infant was delivered. The uterus was closed in two layers. Indigo carmine was "
        "instilled into the bladder with 300 cc of saline and no leak was seen. The fascia and "
        "skin were closed.\n"
    )
    assert codes(note) == ["59514"]


def test_bladder_instillation_alone_is_reported() -> None:
    note = (
        "PROCEDURE: Bladder instillation.\n"
        "DESCRIPTION: A 58-year-old woman with interstitial cystitis. After a straight catheter "
        "drained the bladder, 50 mL of DMSO was instilled into the bladder and the catheter was "
        "removed. She tolerated it well.\n"
    )
    assert codes(note) == ["51700"]
