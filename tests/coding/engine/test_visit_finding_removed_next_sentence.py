"""A visit's examination that finds something and tells, in the next sentence, that it was
removed ("It was removed with a curette") documents the minor procedure as done at the visit;
a finding alone, or one to be removed later, does not."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_NOTE = (
    "CHIEF COMPLAINT: Left ear discomfort.\n"
    "HISTORY OF PRESENT ILLNESS: A 6-year-old boy says he pushed something into his left"
    " ear at school today. No bleeding, no discharge.\n"
    "PHYSICAL EXAMINATION: Afebrile. Right ear normal. There is a foreign object, a small"
    " green plastic bead, lodged deep in the left ear canal. {after}\n"
    "ASSESSMENT: Foreign body of the left ear canal.\n"
    "PLAN: {plan}\n"
)


def _codes(after: str, plan: str = "Return as needed.") -> list[str]:
    note = _NOTE.format(after=after, plan=plan)
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_finding_removed_in_the_next_sentence_is_the_removal() -> None:
    codes = _codes("It was removed with alligator forceps. The canal and drum are intact.")
    assert "69200" in codes


def test_a_finding_alone_or_to_be_removed_later_is_no_removal() -> None:
    assert "69200" not in _codes("The drum cannot be seen past it.")
    assert "69200" not in _codes(
        "The drum cannot be seen past it.",
        plan="Referred to ENT, where it will be removed under sedation tomorrow.",
    )


def test_impacted_wax_removed_with_a_curette_next_sentence() -> None:
    note = (
        "CHIEF COMPLAINT: Muffled hearing on the right.\n"
        "HISTORY OF PRESENT ILLNESS: A 70-year-old woman with a week of decreased hearing in"
        " the right ear.\n"
        "PHYSICAL EXAMINATION: The right canal is occluded by impacted cerumen. It was"
        " removed with a curette under direct vision. The tympanic membrane is then normal.\n"
        "ASSESSMENT: Cerumen impaction, right ear.\n"
        "PLAN: Mineral oil drops weekly.\n"
    )
    codes = [p["code"] for p in code_cpt(note)["procedures"]]
    assert "69210" in codes
