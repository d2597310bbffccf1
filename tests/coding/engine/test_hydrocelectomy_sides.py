"""Hydrocelectomy: bilateral (55041) only when both sides are told of the hydroceles themselves,
not of another service in the same operation; a testis tacked back into the scrotum after its
hydrocele is excised is part of the hydrocelectomy, not an orchiopexy (54640), which stays for
an undescended testis."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _claim(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_bilateral_pyelograms_do_not_make_a_left_hydrocelectomy_bilateral() -> None:
    claim = _claim(
        "PREOPERATIVE DIAGNOSIS: Left hydrocele; history of urothelial carcinoma.\n"
        "OPERATION: Left hydrocelectomy, cystoscopy with bilateral retrograde pyelograms.\n"
        "DESCRIPTION: A 70-year-old man. Through a left scrotal incision the hydrocele sac was"
        " opened and everted behind the testis, which was then sutured to the dartos"
        " so that it could not twist. The scrotum was closed in layers. Cystoscopy showed a"
        " normal bladder and bilateral retrograde pyelograms showed normal collecting systems.\n"
    )
    codes = [c for c, _ in claim]
    assert ("55040", ["LT"]) in claim
    assert "55041" not in codes and "54640" not in codes


def test_hydroceles_of_both_sides_are_the_bilateral_code() -> None:
    claim = _claim(
        "PREOPERATIVE DIAGNOSIS: Bilateral hydroceles.\n"
        "PROCEDURE: Bilateral hydrocelectomies.\n"
        "DESCRIPTION: A 40-year-old man. Each hemiscrotum was opened, the sac excised and the"
        " edges oversewn.\n"
    )
    assert [c for c, _ in claim] == ["55041"]


def test_an_undescended_testis_with_a_hydrocele_keeps_its_orchiopexy() -> None:
    claim = _claim(
        "PREOPERATIVE DIAGNOSIS: Right undescended testis with hydrocele.\n"
        "PROCEDURE: Right orchiopexy and excision of hydrocele.\n"
        "DESCRIPTION: An 8-year-old boy. Through a groin incision the testis was freed, the"
        " hydrocele excised and the testis brought down into a subdartos pouch and fixed.\n"
    )
    assert claim[0] == ("54640", ["RT"])
