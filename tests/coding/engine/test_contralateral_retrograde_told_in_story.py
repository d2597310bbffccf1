"""At a ureteroscopy of one side, a retrograde study of the other side is its own
cystourethroscopy with ureteral catheterization (52005 on that side), also when the story
tells it as contrast injected retrograde through a catheter in that ureter and the list says
only "bilateral retrograde pyelograms". A retrograde study of the ureteroscopy's own side
alone is part of the ureteroscopy."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def note(left_sentence: str) -> str:
    return (
        "PREOPERATIVE DIAGNOSIS: Right hydronephrosis.\n"
        "PROCEDURE PERFORMED:\n1. Cystoscopy.\n2. Bilateral retrograde pyelograms.\n"
        "3. Right ureteroscopy, diagnostic.\n"
        "DESCRIPTION: The cystoscope was passed into the bladder, which was normal. The right "
        "ureteral orifice was cannulated with an open-ended catheter and retrograde injection "
        "of contrast outlined a dilated right collecting system. A wire was placed and the "
        "flexible ureteroscope was passed to the right renal pelvis; no stone or tumor was "
        f"seen. The ureteroscope was removed. {left_sentence} A Foley catheter was placed.\n"
    )


def test_left_study_at_a_right_ureteroscopy_keeps_its_line() -> None:
    got = lines(
        note(
            "The left ureteral orifice was then cannulated with an open-ended catheter and "
            "retrograde injection of contrast showed a normal left ureter and kidney."
        )
    )
    assert got.get("52351") == ["RT"]
    assert got.get("52005") == ["LT"]


def test_no_study_of_the_other_side_leaves_the_ureteroscopy_alone() -> None:
    got = lines(note("The bladder was drained."))
    assert got.get("52351") == ["RT"]
    assert "52005" not in got
