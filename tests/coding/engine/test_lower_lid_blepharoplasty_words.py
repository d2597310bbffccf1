"""A lower-lid blepharoplasty told without the word: the lower lid's skin-muscle flap redraped
and tailored (15820; with herniated fat removed 15821), or the skin tailored to the lower lid
incision; the plural lids told without a side are both lids (50). Synthetic notes written for
these tests."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_skin_muscle_flap_redraped_is_the_lower_lid_blepharoplasty() -> None:
    note = (
        "PROCEDURE NOTE: The lower eyelids were marked and infiltrated with lidocaine. A "
        "subciliary incision was made and a skin-muscle flap raised to the orbital rim. The "
        "septum was opened and the herniated orbital fat was excised from each compartment. "
        "The lower skin-muscle flap was redraped, the excess trimmed, and the incision closed "
        "with 6-0 sutures.\n"
    )
    assert lines(note) == [("15821", ["50"])]


def test_one_named_lid_keeps_its_side() -> None:
    note = (
        "PROCEDURE NOTE: The right lower eyelid was marked. A subciliary incision was made and "
        "a skin-muscle flap raised. The skin-muscle flap was redraped and tailored, and the "
        "incision closed.\n"
    )
    assert lines(note) == [("15820", ["RT"])]


def test_a_craniotomy_flap_is_no_blepharoplasty() -> None:
    note = (
        "PROCEDURE: Right pterional craniotomy.\n"
        "DESCRIPTION: A curvilinear incision was made and the skin-muscle flap was reflected "
        "anteriorly. At closure the skin-muscle flap was redraped and the galea closed.\n"
    )
    assert not any(code.startswith("1582") for code, _ in lines(note))
