"""A first inpatient note that tells the patient's admission documents the decision for
hospitalization (high risk) - unless its plan sends the patient home from this encounter: a
note that ends the stay decides no admission. A discharge only "if" a test is negative keeps
the patient in. Drugs held for a reason ("his home meds are on hold") are a decision
about prescription drugs (moderate risk)."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

SENT_HOME = """HISTORY OF PRESENT ILLNESS: A 40-year-old man was admitted to the telemetry unit
overnight with chest pressure after an argument at work. The emergency room workup was
negative.
PAST MEDICAL HISTORY: Asthma.
SOCIAL HISTORY: Smokes half a pack a day.
FAMILY HISTORY: Father with a heart attack at 70.
LABORATORY DATA: Three sets of troponin are normal. EKG shows sinus rhythm, no ST changes.
Chest x-ray is clear.
ASSESSMENT: 1. Chest pain, noncardiac, likely anxiety related.
2. Tobacco use.
PLAN: His home meds are on hold for now. We will discharge him
home today with follow up with his primary doctor.
"""

KEPT = SENT_HOME.replace(
    "We will discharge him\nhome today",
    "If the stress test is negative,\nwe will discharge him home",
)


def test_first_note_that_sends_the_patient_home_decides_no_admission() -> None:
    level = level_visit(analyze(SENT_HOME))
    assert level is not None
    assert level["mdm"]["risk"] == "moderate"  # drugs held
    assert level["code"] == "99222"


def test_discharge_only_if_a_test_is_negative_keeps_the_admission() -> None:
    level = level_visit(analyze(KEPT))
    assert level is not None
    assert level["mdm"]["risk"] == "high"
    assert level["code"] == "99223"
