"""A side whose service another operative note documents ("a left total knee arthroplasty,
which will be dictated separately") is not this note's side: the claim keeps the one side
the note describes, while a bilateral operation described in one note stays bilateral."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.text.attributes import sides


def claim(note: str) -> list[str]:
    return [
        p["code"] + "".join(f"-{m}" for m in p["modifiers"]) for p in code_cpt(note)["procedures"]
    ]


def test_the_other_side_dictated_separately_is_not_billed_here() -> None:
    note = (
        "PROCEDURE PERFORMED: Right total knee arthroplasty done together with a left total "
        "knee arthroplasty, which will be dictated separately.\n"
        "DESCRIPTION: The right lower extremity was prepped. Cemented components were placed.\n"
    )
    assert claim(note) == ["27447-RT"]


def test_a_second_sentence_about_the_other_knee_elsewhere_keeps_this_side() -> None:
    note = (
        "PROCEDURE PERFORMED: Total left knee replacement. The patient also underwent a right "
        "total knee replacement at the same sitting and that is dictated in a separate note.\n"
        "DESCRIPTION: The left knee was exposed and the components cemented.\n"
    )
    assert claim(note) == ["27447-LT"]


def test_a_bilateral_operation_in_one_note_stays_bilateral() -> None:
    note = (
        "PROCEDURE PERFORMED: Bilateral total knee arthroplasty.\n"
        "DESCRIPTION: Both knees were replaced with cemented components.\n"
    )
    assert claim(note) == ["27447-50"]


def test_side_words_far_before_the_cue_are_kept() -> None:
    text = (
        "Right carpal tunnel release was performed through a short palmar incision and the "
        "transverse carpal ligament divided completely; closure will be dictated separately."
    )
    doc = analyze(text)
    assert [s.side for s in sides(doc)] == ["right"]
