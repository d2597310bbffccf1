"""Open pyeloplasty is complicated (50405) for a solitary or anomalous kidney, a secondary repair
after an earlier pyeloplasty, or a calycoplasty; otherwise simple (50400), and laparoscopic or
robotic 50544. A wedge of kidney cut out at an open operation is an open renal biopsy (50205),
not a cystoscopic bladder biopsy nor a skin biopsy."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

PYELO = """PREOPERATIVE DIAGNOSIS: Left ureteropelvic junction obstruction{dx}.
PROCEDURE: Open dismembered pyeloplasty, left.
DESCRIPTION: Through a left flank incision the renal pelvis and proximal ureter were exposed.
The narrowed junction was excised, the ureter spatulated, and the pelvis closed to the ureter
over a double-J stent with interrupted 5-0 sutures.{extra}
"""


def _lines(note: str) -> list[str]:
    return [
        p["code"] + "".join("-" + m for m in p["modifiers"]) for p in code_cpt(note)["procedures"]
    ]


def test_a_first_open_pyeloplasty_of_a_normal_kidney_is_simple() -> None:
    assert _lines(PYELO.format(dx="", extra="")) == ["50400-LT"]


def test_a_solitary_kidney_or_an_earlier_repair_makes_it_complicated() -> None:
    assert _lines(PYELO.format(dx=" in a solitary kidney", extra="")) == ["50405-LT"]
    assert _lines(PYELO.format(dx=", status post pyeloplasty", extra="")) == ["50405-LT"]


def test_a_wedge_renal_biopsy_at_the_operation_is_50205() -> None:
    extra = (
        " A small wedge biopsy of the lower pole of the kidney was then excised with a blade"
        " and the site closed with chromic sutures."
    )
    codes = _lines(PYELO.format(dx="", extra=extra))
    assert codes[0] == "50400-LT"
    assert "50205-LT" in codes or "50205-59-LT" in codes
    assert not {"52204", "11106", "11105"} & {c.split("-")[0] for c in codes}


def test_a_needle_kidney_biopsy_is_not_open() -> None:
    note = """PROCEDURE: Ultrasound-guided percutaneous renal biopsy, left.
DESCRIPTION: Under ultrasound guidance an 18-gauge core needle took two cores from the lower
pole of the left kidney.
"""
    assert "50205" not in {c.split("-")[0] for c in _lines(note)}
