"""Critical care is reported by its documented time wherever it is furnished (CPT critical care
guidelines: the codes do not depend on the place of service): a hospitalist's follow-up read
as an office-like note, or an emergency record with a course heading, is 99291 when it
documents 30 minutes or more of critical care time. A stay in the critical care unit is a
place, not the service."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

FOLLOW_UP = """HISTORY OF PRESENT ILLNESS: Rounding again on this man with pneumonia whose oxygen
needs rose overnight; his pressure fell to 80 systolic this morning.
PHYSICAL EXAMINATION: Labored breathing. Cool extremities.
IMPRESSION AND PLAN:
1. Septic shock from pneumonia. Started norepinephrine, broadened antibiotics.
2. Hypoxemic respiratory failure. High-flow oxygen, reassess for intubation.
Critical care time today, apart from procedures, was 40 minutes.
"""

ED_WITH_COURSE = """HISTORY: A 2-year-old girl brought in struggling to breathe after a day of
wheezing.
PHYSICAL EXAMINATION: Retractions, saturation 86% on room air, diffuse wheezes.
HOSPITAL COURSE: Continuous albuterol, magnesium and steroids were given here; she stayed
hypoxic and the pediatric intensivist accepted her to the PICU.
IMPRESSION: Status asthmaticus with hypoxia.
TIME SPENT: 50 minutes of critical care time, excluding separately billed procedures.
"""

UNIT_STAY = """DISCHARGE DIAGNOSES: Diabetic ketoacidosis, resolved.
HOSPITAL COURSE: She was kept 36 hours in the critical care unit on an insulin drip, then moved
to the floor, and ate well before going home.
DISCHARGE MEDICATIONS: Insulin glargine and lispro.
"""


def test_critical_care_time_in_a_follow_up_note_is_99291() -> None:
    level = level_visit(analyze(FOLLOW_UP))
    assert level is not None
    assert level["code"] == "99291"
    assert level["total_minutes"] == 40


def test_critical_care_time_in_an_emergency_record_with_a_course_heading_is_99291() -> None:
    level = level_visit(analyze(ED_WITH_COURSE))
    assert level is not None
    assert level["code"] == "99291"


def test_hours_in_the_critical_care_unit_are_not_critical_care_time() -> None:
    level = level_visit(analyze(UNIT_STAY))
    assert level is not None
    assert level["code"] in ("99238", "99239")
