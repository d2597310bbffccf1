"""Preventive medicine visits (99381-99397): a well-child check or an annual physical is coded
by the age the note states; a sick visit that only schedules the next well-child check is not
one."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

WELL_CHILD = """SUBJECTIVE: Patient presents with her mother for her 4-year well-child check. No
concerns. Eating a balanced diet, sleeping well.
OBJECTIVE: Weight 36 pounds. Well-appearing 4-year-old girl. Heart regular. Lungs clear.
ASSESSMENT/PLAN:
1. Well 4-year-old female.
2. Anticipatory guidance given. Follow up in one year for the next well-child check.
"""

SICK_VISIT = """CHIEF COMPLAINT: Sore throat.
HISTORY OF PRESENT ILLNESS: A 7-year-old boy with two days of sore throat and fever. Rapid
strep test positive in the office.
ASSESSMENT: Streptococcal pharyngitis.
PLAN: Amoxicillin for 10 days. Next well-child check in one year.
"""

ANNUAL = """CHIEF COMPLAINT: Annual physical.
HISTORY OF PRESENT ILLNESS: A 52-year-old man here for his annual physical examination. No
complaints. Exercises three times a week.
ASSESSMENT: Healthy 52-year-old man.
"""

NEW_INFANT = """CHIEF COMPLAINT: Well-baby visit, new patient to our practice.
HISTORY OF PRESENT ILLNESS: A 6-month-old boy who moved to the area, here for a well baby
check. Feeding well.
ASSESSMENT: Healthy 6-month-old infant.
"""


def level(note: str) -> str:
    found = level_visit(analyze(note))
    assert found is not None
    return str(found["code"])


def test_a_well_child_check_is_coded_by_age() -> None:
    assert level(WELL_CHILD) == "99392"


def test_an_annual_physical_of_an_adult() -> None:
    assert level(ANNUAL) == "99396"


def test_a_new_infant_takes_the_new_patient_preventive_code() -> None:
    assert level(NEW_INFANT) == "99381"


def test_a_sick_visit_that_schedules_a_well_child_check_is_a_problem_visit() -> None:
    assert level(SICK_VISIT).startswith("9921")
