"""Wound repairs at an emergency or office visit whose closure sentence names no site: the site
group comes from the diagnoses or the account of the wound, the length from where the wound is
measured (often the examination), summed per CPT for the wounds of one group; tissue adhesive is
a simple repair, adhesive strips alone are no repair."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    out: list[dict[str, Any]] = code_cpt(note, patient={"age": 34})["procedures"]
    return [p["code"] for p in out]


def _visit(exam: str, course: str, assessment: str) -> str:
    return (
        "CHIEF COMPLAINT: Injury.\n"
        "HISTORY OF PRESENT ILLNESS: A 34-year-old carpenter was hurt at work about an hour"
        " ago. Tetanus is current.\n"
        f"PHYSICAL EXAMINATION: Alert and comfortable. {exam}\n"
        f"ED COURSE: {course}\n"
        f"ASSESSMENT: {assessment}\n"
        "PLAN: Wound care instructions given. Return for any redness or fever.\n"
    )


def test_a_wound_measured_in_the_exam_and_closed_in_the_course_is_coded_by_that_length() -> None:
    note = _visit(
        "On the back of the left hand there is a clean 3.5 cm laceration; tendons intact.",
        "Lidocaine was infiltrated. Laceration closed with four simple interrupted 4-0 nylon"
        " sutures.",
        "Laceration of the left hand.",
    )
    codes = _codes(note)
    assert "12002" in codes and "12001" not in codes
    assert codes[0].startswith("9928")


def test_wounds_named_in_one_sentence_and_closed_in_the_next_are_one_repair() -> None:
    note = _visit(
        "Two lacerations of the right forearm, 2 cm and 1.5 cm.",
        "The wounds were irrigated with saline. They were then repaired with interrupted"
        " 5-0 sutures.",
        "Lacerations of the right forearm.",
    )
    assert "12002" in _codes(note)  # 2 + 1.5 = 3.5 cm, told together in the exam


def test_tissue_adhesive_closure_of_a_facial_wound_is_a_simple_repair() -> None:
    note = _visit(
        "A superficial 1 cm gaping laceration above the right eyebrow.",
        "The wound was cleansed and the edges closed with skin glue.",
        "Forehead laceration.",
    )
    codes = _codes(note)
    assert "12011" in codes


def test_adhesive_strips_alone_are_no_repair() -> None:
    note = _visit(
        "A 1.5 cm superficial laceration of the left shin.",
        "The wound was cleaned and the laceration was closed with Steri-Strips.",
        "Laceration of the left lower leg.",
    )
    codes = _codes(note)
    assert not any(c.startswith("120") for c in codes)
    assert codes and codes[0].startswith("9928")


def test_a_layered_closure_takes_the_length_measured_in_the_exam() -> None:
    note = _visit(
        "A 5 cm deep gaping laceration of the left thigh.",
        "The laceration was closed in layers with 3-0 Vicryl and 4-0 nylon.",
        "Thigh laceration.",
    )
    assert "12032" in _codes(note)


def test_a_repair_planned_for_later_is_not_coded() -> None:
    note = _visit(
        "A 3 cm laceration of the left hand.",
        "The wound was irrigated and dressed. Plastic surgery will see him tomorrow.",
        "Hand laceration, to be closed by plastic surgery.",
    )
    assert not any(c.startswith("120") for c in _codes(note))


def test_a_named_site_closure_takes_the_length_of_the_wound_measured_at_that_site() -> None:
    note = _visit(
        "A 4 cm laceration of the right forearm. A 3 cm laceration of the upper lip that does"
        " not cross the vermilion border.",
        "Lip laceration repaired with interrupted 6-0 nylon. The forearm wound was left for the"
        " hand surgeon.",
        "Lacerations of the upper lip and the right forearm.",
    )
    codes = _codes(note)
    assert "12013" in codes  # the lip's 3 cm, not the forearm's 4 cm
    assert "12011" not in codes and "12014" not in codes


def test_a_repair_told_under_a_procedure_note_heading_is_coded() -> None:
    note = (
        "CHIEF COMPLAINT: Cut over the eye.\n"
        "HISTORY OF PRESENT ILLNESS: A 34-year-old woman walked into a cupboard door.\n"
        "PHYSICAL EXAMINATION: A clean 2 cm laceration through the right eyebrow.\n"
        "PROCEDURE NOTE: The wound was numbed with lidocaine, irrigated and closed with five"
        " 6-0 nylon sutures.\n"
        "ASSESSMENT: Eyebrow laceration.\n"
        "PLAN: Sutures out in five days.\n"
    )
    assert "12011" in _codes(note)
