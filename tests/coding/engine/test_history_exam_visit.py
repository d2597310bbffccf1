"""A note told under HISTORY and PHYSICAL EXAMINATION, closed by a counseling heading the
coder does not know (DISCUSSION), is an encounter: it is leveled as a visit, and an operation
it discusses is not coded as done. A case summary told to its COURSE stays what it was."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.note_type import note_type

_CONSULT = (
    "HISTORY: This 52-year-old man is referred to discuss laparoscopic gastric bypass. His "
    "BMI is 42 and supervised diets have failed.\n\n"
    "PHYSICAL EXAMINATION: Weight 280 pounds. Lungs clear. Abdomen soft, no hernia.\n\n"
    "DISCUSSION: The gastric bypass and its complications, among them leak, marginal ulcer "
    "and internal hernia after gastric bypass, were reviewed at length.\n"
)


def test_history_exam_and_discussion_is_a_visit() -> None:
    assert note_type(analyze(_CONSULT)) == "visit"
    codes = [p["code"] for p in code_cpt(_CONSULT)["procedures"]]
    assert codes and codes[0].startswith("992")
    assert "43644" not in codes and "43846" not in codes


def test_a_case_told_to_its_course_is_not_made_a_visit() -> None:
    note = (
        "HX: A 60-year-old man with sudden weakness of the left arm.\n\n"
        "EXAM: Alert. Left arm drift.\n\n"
        "COURSE: He was treated and discharged home.\n"
    )
    assert note_type(analyze(note)) != "visit"
