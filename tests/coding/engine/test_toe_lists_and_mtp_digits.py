"""Lesser-toe arthrodesis is the hammertoe correction 28285; ordinals listed before one toe
word ('second, third, and fourth toes') name several toes (RT/LT, not one toe's modifier
taken from another procedure item), and a toe's metatarsophalangeal joint names that toe
(the right fourth MTP joint is T8)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


NOTE = (
    "PREOPERATIVE DIAGNOSIS: Hammer toes, right second through fifth toes.\n"
    "PROCEDURES PERFORMED:\n"
    "1. Arthrodesis, right second, third, and fourth toes with Kirschner wire fixation.\n"
    "2. Hammertoe repair, right fifth toe.\n"
    "3. Extensor tenotomy and capsulotomy, right fourth metatarsophalangeal joint.\n"
    "DESCRIPTION: The proximal interphalangeal joints of the second, third and fourth toes "
    "were resected and fused over wires. The fifth toe head of the proximal phalanx was "
    "resected. The fourth metatarsophalangeal joint capsule was released."
)


def test_listed_toes_keep_the_side_and_the_mtp_names_its_toe() -> None:
    lines = _lines(NOTE)
    assert lines["28285"] == ["RT"]
    assert lines["28270"] == ["T8"]


def test_lesser_toe_arthrodesis_alone_is_a_hammertoe_correction() -> None:
    note = (
        "PROCEDURE PERFORMED: Arthrodesis of the left second toe.\n"
        "DESCRIPTION: The proximal interphalangeal joint was resected and fused with a wire."
    )
    assert _lines(note) == {"28285": ["T1"]}


def test_metatarsal_osteotomies_name_no_toe_list() -> None:
    note = (
        "PROCEDURE PERFORMED: Weil osteotomies of the right second and third metatarsals "
        "and capsulotomy of the right second metatarsophalangeal joint.\n"
        "DESCRIPTION: Both metatarsal heads were shortened and fixed with screws. The "
        "second MTP joint capsule was released."
    )
    lines = _lines(note)
    assert lines.get("28270") == ["T6"]


def test_a_toe_only_service_reads_second_digit_as_the_toe() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Dry gangrene of the right second digit.\n"
        "PROCEDURE PERFORMED: Amputation of the right second digit at the "
        "metatarsophalangeal joint.\n"
        "DESCRIPTION: A racket incision was made around the digit and carried down to the "
        "joint, which was disarticulated. The wound was closed with nylon."
    )
    assert _lines(note) == {"28820": ["T6"]}


def test_a_finger_only_service_keeps_second_digit_a_finger() -> None:
    note = (
        "PROCEDURE PERFORMED: Release of the A1 pulley, left second digit.\n"
        "DESCRIPTION: Through a palmar incision the A1 pulley was divided and the finger "
        "moved without triggering."
    )
    assert _lines(note) == {"26055": ["F1"]}


def _units(note: str) -> dict[str, tuple[list[str], int]]:
    return {p["code"]: (p["modifiers"], p["units"]) for p in code_cpt(note)["procedures"]}


def test_each_toe_code_counts_the_toes_its_items_name() -> None:
    assert _units(NOTE)["28285"] == (["RT"], 4)


def test_two_trigger_fingers_listed_are_two_units() -> None:
    note = (
        "PROCEDURES PERFORMED: Right index and middle fingers release A1 pulley.\n"
        "DESCRIPTION: Through two palmar incisions the A1 pulleys were divided and both "
        "fingers moved without triggering."
    )
    assert _units(note) == {"26055": (["RT"], 2)}


def test_one_toe_stays_one_unit_with_its_modifier() -> None:
    note = (
        "PROCEDURE PERFORMED: Hammertoe repair, left third toe.\n"
        "DESCRIPTION: The head of the proximal phalanx was resected and the toe pinned."
    )
    assert _units(note) == {"28285": (["T2"], 1)}
