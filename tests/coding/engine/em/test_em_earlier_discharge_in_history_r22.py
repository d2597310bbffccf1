"""An admission history and physical closed by a short HOSPITAL COURSE is initial hospital care
also when its history tells the discharge of an earlier stay ("she went home on four
antibiotics two weeks ago"): only a discharge told outside the history (the course, a plan)
makes the note a discharge summary."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

NOTE = """CHIEF COMPLAINT: Vomiting and abdominal distension.
HISTORY OF PRESENT ILLNESS: A 61-year-old man with a kidney transplant, seen with three days of
cramping pain and vomiting. He was in this hospital last month for pneumonia and was discharged
home on oral levofloxacin.
PAST MEDICAL HISTORY: Kidney transplant in 2015. Hypertension.
SOCIAL HISTORY: Retired teacher, no tobacco.
PHYSICAL EXAM:
GEN: Uncomfortable, dry mucous membranes.
ABDOMEN: Distended and tympanitic, high-pitched bowel sounds.
STUDIES:
Abdominal film: dilated small bowel loops with air-fluid levels.
HOSPITAL COURSE: He was admitted and a nasogastric tube was placed. {course}
"""


def codes(course: str) -> list[str]:
    return [line["code"] for line in code_cpt(NOTE.format(course=course))["procedures"]]


def test_earlier_discharge_in_the_history_keeps_the_admission() -> None:
    found = codes("Intravenous fluids were started and a CT scan was done.")
    assert found and found[0] in ("99221", "99222", "99223"), found
    assert "99238" not in found


def test_discharge_told_in_the_course_is_still_a_summary() -> None:
    found = codes("The obstruction resolved and he was discharged home on the fourth day.")
    assert found == ["99238"]
