"""Finger and toe modifiers (FA-F9, TA-T9) replace RT/LT on a one-digit service."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.text.digits import digit_modifier, digit_table


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_table_grid_follows_cms_order() -> None:
    table = digit_table()
    assert table.modifiers["finger"]["left"][0] == "FA"
    assert table.modifiers["finger"]["right"] == ("F5", "F6", "F7", "F8", "F9")
    assert table.modifiers["toe"]["right"][0] == "T5"
    assert "26055" in table.finger_codes and "28285" in table.toe_codes


def test_one_named_finger_gets_its_modifier() -> None:
    note = (
        "PROCEDURE: Release of right long finger trigger finger.\n"
        "DESCRIPTION: The A1 pulley of the right long finger was incised and released.\n"
    )
    assert _lines(note) == [("26055", ["F7"])]


def test_left_thumb_and_right_second_toe() -> None:
    thumb = "PROCEDURE: Left trigger thumb release.\nDESCRIPTION: The A1 pulley was divided.\n"
    assert _lines(thumb) == [("26055", ["FA"])]
    toe = (
        "PROCEDURE: Hammertoe correction, right second toe, with PIP joint arthroplasty.\n"
        "DESCRIPTION: The head of the proximal phalanx was resected.\n"
    )
    assert _lines(toe) == [("28285", ["T6"])]


def test_code_off_the_digit_list_keeps_rt_lt() -> None:
    # a palmar fasciectomy is a hand operation even when it releases one finger
    assert digit_modifier("26123", "right", {4}, set()) is None
    # two digits named: no single digit modifier
    assert digit_modifier("26055", "right", {4, 5}, set()) is None
    assert digit_modifier("26055", "right", {4}, set()) == "F8"
