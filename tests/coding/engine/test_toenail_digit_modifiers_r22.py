"""A nail procedure on one named toe or finger takes the digit's modifier (TA-T9, FA-F9),
also when the note names the nail itself ("left big toenail"); the digit is read from all the
sentences the service is told in; two digits or none keep the side alone."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_matrixectomy_of_the_left_big_toenail_is_ta() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Ingrown nail, left great toe.\n"
        "OPERATION: Partial excision of the left big toenail with its nail matrix.\n"
        "DESCRIPTION: After a digital block the lateral nail border was freed and removed and "
        "the matrix beneath it was excised down to bone."
    )
    assert _lines(note) == [("11750", ["TA"])]


def test_subungual_hematoma_of_the_right_index_finger_is_f6() -> None:
    note = (
        "PROCEDURE: Trephination of subungual hematoma, right index finger.\n"
        "DESCRIPTION: The nail plate was trephinated with a heated paper clip and the "
        "subungual hematoma evacuated."
    )
    assert _lines(note) == [("11740", ["F6"])]


def test_a_thumbnail_bed_repair_is_a_finger_modifier() -> None:
    note = (
        "PROCEDURE: Repair of nail bed laceration, left thumb.\n"
        "DESCRIPTION: The nail was removed and the nail bed laceration was repaired with "
        "6-0 chromic sutures."
    )
    lines = _lines(note)
    assert lines[0] == ("11760", ["FA"])


def test_a_nail_without_a_named_digit_keeps_the_side() -> None:
    note = (
        "PROCEDURE: Excision of the nail and matrix of an ingrown toenail, left foot.\n"
        "DESCRIPTION: The nail was removed and the matrix excised."
    )
    assert _lines(note) == [("11750", ["LT"])]
