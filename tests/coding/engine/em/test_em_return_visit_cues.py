"""Cues of an office return visit and of a chronic illness off its goal: a clinic visit told as
a routine return appointment with a past admission in its history stays an office visit; a
follow-up told 'in about 10 days' is an office follow-up; 'new to the practice' is a new
patient; 'suboptimal control' is a chronic illness not at its treatment goal."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit, visit_setting

RETURN_VISIT = """REASON FOR VISIT: This is a routine return appointment for this 70-year-old man
with heart failure.
HISTORY OF PRESENT ILLNESS: Since his last visit he has been admitted to the county hospital for
three days with fluid overload and was diuresed.
PHYSICAL EXAMINATION: Weight up 2 kg. Trace ankle edema.
ASSESSMENT: Chronic systolic heart failure, worse since discharge.
PLAN: Increase furosemide to 40 mg twice daily. Return in about 10 days.
"""

ADMISSION = """REASON FOR CONSULTATION: Blood pressure management.
HISTORY OF PRESENT ILLNESS: A 75-year-old woman came to the emergency room with shortness of
breath and leg swelling. She is admitted to the telemetry floor.
ASSESSMENT:
1. Chronic obstructive pulmonary disease.
2. Hypertension with suboptimal control.
RECOMMENDATIONS: Intravenous furosemide. Increase amlodipine to 10 mg daily.
"""


def test_a_routine_return_appointment_stays_an_office_visit() -> None:
    doc = analyze(RETURN_VISIT)
    assert visit_setting(doc) == "office"
    found = level_visit(doc)
    assert found is not None and found["code"] == "99214"


def test_new_to_the_practice_is_a_new_patient() -> None:
    note = RETURN_VISIT.replace(
        "This is a routine return appointment for this 70-year-old man",
        "A 70-year-old man new to the practice",
    ).replace("Since his last visit he", "Last month he")
    found = level_visit(analyze(note))
    assert found is not None and found["patient_status"] == "new"


def test_suboptimal_control_in_the_hospital_is_a_flare_needing_hospital_care() -> None:
    found = level_visit(analyze(ADMISSION))
    assert found is not None and found["mdm"]["problems"] == "high"
    steady = level_visit(analyze(ADMISSION.replace("with suboptimal control", "")))
    assert steady is not None and steady["mdm"]["problems"] == "moderate"
