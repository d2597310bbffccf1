"""The vas tied off while a spermatocele or the epididymis is excised is part of that excision
(54840, 54860); a vasectomy for sterilization done in the same operation - both vasa, family
planning - is reported too (55250)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(dx: str, listed: str, extra: str) -> list[str]:
    note = (
        f"PREOPERATIVE DIAGNOSIS: {dx}\n"
        f"PROCEDURE PERFORMED: {listed}\n"
        "DESCRIPTION: A 52-year-old man. Through a right hemiscrotal incision the testis was"
        " delivered and the spermatocele dissected off the epididymis and excised. The vas"
        f" deferens was ligated at the tail of the epididymis. {extra} The dartos and skin were"
        " closed.\n"
    )
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_sterilizing_vasectomy_beside_a_spermatocelectomy_is_coded() -> None:
    codes = _codes(
        "1. Right spermatocele. 2. Desires sterilization.",
        "1. Right spermatocelectomy. 2. Bilateral vasectomy.",
        "Through a small left scrotal incision the left vas was isolated, a segment excised and"
        " the ends cauterized and tied.",
    )
    assert codes[0] == "54840" and "55250" in codes


def test_the_vas_tied_during_a_spermatocelectomy_is_part_of_it() -> None:
    codes = _codes("Right spermatocele.", "Right spermatocelectomy.", "")
    assert codes == ["54840"]
