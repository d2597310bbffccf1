"""Trichiasis or cicatricial entropion corrected at the lid margin: a gray-line split with the
anterior lamella excised is 67830; the margin excised with a free mucous membrane graft laid
into the defect is 67835; each lid keeps its own side. A sutured entropion stays 67921."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_two_lids_two_margin_operations() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES: Trichiasis, right upper lid. Cicatricial entropion, left lower "
        "lid.\n"
        "TITLE OF OPERATION:\n1. Gray line split with excision of anterior lamella, right upper "
        "lid.\n2. Repair of cicatricial entropion, left lower lid, with mucous membrane graft.\n"
        "PROCEDURE: A mucous membrane graft was harvested from the lower lip. The gray line of "
        "the right upper lid was incised and a strip of anterior lamella excised. On the left "
        "lower lid the scarred margin was excised and the graft sewn into the defect."
    )
    assert sorted(_lines(note)) == [("67830", ["RT"]), ("67835", ["LT"])]


def test_sutured_entropion_is_not_a_margin_operation() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Involutional entropion, right lower lid.\n"
        "PROCEDURE: Repair of entropion with everting sutures, right lower lid.\n"
        "DESCRIPTION: Three everting sutures were passed from the fornix to the skin below the "
        "lashes and tied over bolsters."
    )
    codes = [c for c, _ in _lines(note)]
    assert "67830" not in codes and "67835" not in codes
