"""A diagnosis left without a side takes the side the note's other coded diagnoses give the same
body part (guideline I.B.13) - and none when they name both sides of it."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> set[str]:
    return {str(d["code"]) for d in code_diagnoses(analyze(note))}


def operation(diagnoses: str) -> str:
    return (
        f"PREOPERATIVE DIAGNOSES: {diagnoses}\n"
        f"POSTOPERATIVE DIAGNOSES: {diagnoses}\n"
        "PROCEDURE: Shoulder arthroscopy with subacromial decompression.\n"
        "DESCRIPTION: Under general anesthesia in the beach-chair position the arthroscope was "
        "introduced through a posterior portal, the bursa was resected and the acromion was "
        "shaved with a burr. Portals were closed with nylon.\n"
    )


def test_a_second_condition_of_the_part_takes_its_side() -> None:
    found = codes(operation("1. Partial rotator cuff tear, left.\n2. Impingement syndrome."))
    assert "M75.42" in found
    assert "M75.40" not in found


def test_two_sides_of_the_part_leave_it_unspecified() -> None:
    found = codes(
        operation(
            "1. Partial rotator cuff tear, left.\n2. Pain in the right shoulder.\n"
            "3. Impingement syndrome."
        )
    )
    assert "M75.40" in found
    assert not {"M75.41", "M75.42"} & found


def test_a_side_of_another_part_is_not_carried() -> None:
    found = codes(operation("1. Left knee osteoarthritis.\n2. Impingement syndrome."))
    assert "M75.40" in found


def aspiration(diagnosis: str) -> str:
    return (
        f"PREOPERATIVE DIAGNOSIS: {diagnosis}\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Joint aspiration.\n"
        "DESCRIPTION: The skin was prepped, a needle was advanced into the joint and bloody "
        "fluid was withdrawn. A dressing was applied.\n"
    )


def test_a_side_and_part_after_a_comma_place_the_condition() -> None:
    # "<condition>, <side> <part>": the part and side belong to the condition before them
    assert codes(aspiration("Hemarthrosis, left knee.")) == {"M25.062"}
    assert codes(aspiration("Hemarthrosis of the left knee.")) == {"M25.062"}


def test_a_leftover_word_of_a_read_condition_takes_no_part() -> None:
    found = codes(aspiration("Bunion deformity, right foot."))
    assert "M21.611" in found
    assert "M21.6X1" not in found
