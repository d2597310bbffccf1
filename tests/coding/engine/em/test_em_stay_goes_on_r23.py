"""A progress note that tells more days to come in the hospital ("we expect two more days in
the hospital") is a hospitalized patient's note (subsequent hospital care), not an
office visit; an office note that tells a hospital stay in the past stays an office visit."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import visit_setting

STAYING = """SUBJECTIVE: A 70-year-old man who had a bowel resection six days ago. His ileus has
resolved and he is taking clear liquids.
OBJECTIVE: Afebrile. Abdomen soft, incision clean.
LABORATORY DATA: White count 10.2, hemoglobin 9.9.
ASSESSMENT AND PLAN: Improving. I expect another two days in the hospital to advance his diet.
"""

OFFICE = """SUBJECTIVE: A 70-year-old man seen in the office after a bowel resection last month.
He spent another two days in the hospital for an ileus and has done well since.
OBJECTIVE: Incision healed.
ASSESSMENT AND PLAN: Doing well after surgery. Return as needed.
"""


def test_more_days_in_the_hospital_is_a_hospital_progress_note() -> None:
    assert visit_setting(analyze(STAYING)) == "subsequent"


def test_past_extra_days_told_in_an_office_note_stay_office() -> None:
    assert visit_setting(analyze(OFFICE)) == "office"
