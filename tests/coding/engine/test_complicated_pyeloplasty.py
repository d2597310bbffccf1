"""An open pyeloplasty is the complicated one (50405) for a solitary or anomalous kidney, a
second pyeloplasty after a failed one, or with a calycoplasty; a first repair of a normal
kidney stays 50400, and a laparoscopic one 50544."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


_NOTE = (
    "PREOPERATIVE DIAGNOSIS: Left ureteropelvic junction obstruction{dx}.\n"
    "PROCEDURE: {approach}dismembered pyeloplasty, left.\n"
    "DESCRIPTION: {access} The narrowed junction was excised, the ureter spatulated and "
    "sewn to the renal pelvis over a stent. The wound was closed."
)


def test_redo_pyeloplasty_in_a_solitary_kidney_is_complicated() -> None:
    note = _NOTE.format(
        dx=", status post pyeloplasty, solitary kidney",
        approach="Open redo ",
        access="The old flank incision was reopened and the scarred junction freed.",
    )
    assert _lines(note) == [("50405", ["LT"])]


def test_first_open_pyeloplasty_is_simple() -> None:
    note = _NOTE.format(
        dx="", approach="Open ", access="A flank incision was made and the kidney exposed."
    )
    assert _lines(note) == [("50400", ["LT"])]


def test_laparoscopic_redo_stays_the_laparoscopic_code() -> None:
    note = _NOTE.format(
        dx=", failed prior pyeloplasty",
        approach="Laparoscopic ",
        access="Three laparoscopic ports were placed and the colon reflected.",
    )
    assert _lines(note)[0][0] == "50544"
