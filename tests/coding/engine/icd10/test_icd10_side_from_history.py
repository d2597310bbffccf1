"""A visit's diagnosis that names a paired body part without a side takes the side the chief
complaint or history gives that part - and none when the note names two sides for it."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def coded(note: str) -> list[dict[str, object]]:
    return code_diagnoses(analyze(note))


def codes(note: str) -> set[str]:
    return {str(d["code"]) for d in coded(note)}


def office(complaint: str, history: str, assessment: str, exam: str = "Alert.") -> str:
    return (
        f"CHIEF COMPLAINT: {complaint}\n"
        f"HISTORY OF PRESENT ILLNESS: {history}\n"
        f"PHYSICAL EXAMINATION: {exam}\n"
        f"ASSESSMENT: {assessment}\n"
        "PLAN: Ice, elevation and an anti-inflammatory. Recheck in two weeks.\n"
    )


def test_the_side_of_the_body_part_comes_from_the_history() -> None:
    note = office(
        "Injury.",
        "He rolled his left ankle stepping off a curb last night and has swelling.",
        "Ankle sprain.",
    )
    found = coded(note)
    assert [d["code"] for d in found] == ["S93.402A"]
    # an inferred side is less sure than a written one
    assert float(str(found[0]["confidence"])) < 0.8


def test_a_part_implied_by_the_diagnosis_takes_its_side() -> None:
    note = office(
        "Right shoulder pain.", "Pain lifting overhead for a month.", "Rotator cuff tendinitis."
    )
    assert codes(note) == {"M75.81"}
    arthritis = office(
        "Left knee pain.", "Stiff knee every morning.", "Osteoarthritis of the knee."
    )
    assert codes(arthritis) == {"M17.12"}


def test_no_side_is_borrowed_when_the_note_names_two_for_that_part() -> None:
    two_knees = office(
        "Knee pain.",
        "Aching in the left knee for months; the right knee hurts on stairs too.",
        "Knee pain.",
    )
    assert codes(two_knees) == {"M25.569"}
    # the exam names the other side for the same part
    exam_other = office(
        "Ankle injury.",
        "Twisted the right ankle.",
        "Ankle sprain.",
        exam="Left ankle with old scar, right ankle swollen.",
    )
    assert codes(exam_other) == {"S93.409A"}


def test_a_side_given_for_another_part_is_not_borrowed() -> None:
    note = office("Wrist pain.", "Pain in the right hand after a fall.", "Ankle sprain.")
    assert codes(note) == {"S93.409A"}
