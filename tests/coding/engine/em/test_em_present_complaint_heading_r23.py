"""The British heading "History of present complaint" ("of presenting complaint") is the
history of present illness: an inpatient consultant's account there of how the patient came to
be admitted is history, not the consultant's own decision to admit (high risk). Traps: a
"Presenting complaint" heading stays the chief complaint, and an admission decided in the plan
still counts."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit, visit_setting

CONSULT = """REASON FOR CONSULT: Leg swelling after surgery.
HISTORY OF PRESENT COMPLAINT: This 79-year-old man has been admitted in this hospital since
last week after a laparoscopic cholecystectomy. He now has swelling of the left calf.
PHYSICAL EXAMINATION: Left calf swollen and tender. Lungs clear.
LABORATORY DATA: Hemoglobin 12.8, white count 9,800.
ASSESSMENT AND PLAN:
1. Left calf swelling, rule out deep vein thrombosis. Venous duplex of the left leg today.
2. Status post cholecystectomy, recovering.
"""

ADMITTING = CONSULT.replace(
    "2. Status post cholecystectomy, recovering.",
    "2. Status post cholecystectomy, recovering. We will admit him to the medical floor.",
)


def test_history_of_present_complaint_heading_is_the_hpi() -> None:
    kinds = {s.heading.lower(): s.kind for s in analyze(CONSULT).sections}
    assert kinds["history of present complaint"] == "hpi"
    assert kinds["reason for consult"] == "chief_complaint"
    header = analyze(
        "HISTORY OF PRESENTING COMPLAINT: Cough for a week.\nPRESENTING COMPLAINT: Cough.\n"
    )
    kinds = {s.heading.lower(): s.kind for s in header.sections}
    assert kinds["history of presenting complaint"] == "hpi"
    assert kinds["presenting complaint"] == "chief_complaint"


def test_admission_told_in_that_history_is_not_the_consultants_decision() -> None:
    doc = analyze(CONSULT)
    assert visit_setting(doc) == "hospital"
    level = level_visit(doc)
    assert level is not None
    assert level["mdm"]["risk"] != "high"


def test_admission_decided_in_the_plan_still_high_risk() -> None:
    level = level_visit(analyze(ADMITTING))
    assert level is not None
    assert level["mdm"]["risk"] == "high"
