"""A history that tells the patient's care so far came from another physician elsewhere ("was
seeing a doctor in Ohio") brings a patient new to this practice. Traps: a follow-up visit cue
still makes the patient established, and a visit to another clinician last week (seen by a
doctor at urgent care) or another doctor seen for one problem says nothing of the status."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

NEW = """SUBJECTIVE: A 34-year-old woman comes to the office today with her sister. She lived in
Ohio until last month and was seeing a doctor in Columbus for her asthma. She uses albuterol
about twice a week.
OBJECTIVE: Lungs clear. Peak flow 380.
ASSESSMENT: Mild intermittent asthma.
PLAN: Refill albuterol inhaler. See her back in three months.
"""

FOLLOW_UP = NEW.replace(
    "comes to the office today with her sister.",
    "returns for follow-up of her asthma.",
)

URGENT_CARE = NEW.replace(
    "was seeing a doctor in Columbus for her asthma",
    "was seen by a doctor at urgent care last week for her asthma",
)

ONE_PROBLEM = NEW.replace(
    "was seeing a doctor in Columbus for her asthma",
    "was seeing a doctor for her asthma",
)


def _status(note: str) -> str:
    level = level_visit(analyze(note))
    assert level is not None
    return str(level["patient_status"])


def test_care_by_a_physician_elsewhere_makes_a_new_patient() -> None:
    level = level_visit(analyze(NEW))
    assert level is not None
    assert level["patient_status"] == "new"
    assert level["code"].startswith("9920")


def test_follow_up_cue_keeps_the_patient_established() -> None:
    assert _status(FOLLOW_UP) == "established"


def test_visit_to_another_clinician_or_for_one_problem_is_no_status_cue() -> None:
    assert _status(URGENT_CARE) == "established"
    assert _status(ONE_PROBLEM) == "established"
