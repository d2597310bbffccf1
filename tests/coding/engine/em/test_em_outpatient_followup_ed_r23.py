"""A plan that arranges "outpatient follow-up" is written by a clinician who is not the
patient's outpatient office: with no cue that the patient is in the hospital or came to the
office, the note is the emergency department's record. Traps: the same words in the history
(a past follow-up), an admission note's plan, and an office note that books its own return."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import visit_setting

ED = """REASON FOR VISIT: Fainting.
HISTORY: An 80-year-old man passed out briefly while standing at the sink this morning and
woke on the floor. No chest pain, no palpitations, no injury.
PHYSICAL EXAMINATION: Blood pressure 148/84, pulse 78. Heart regular. Neurologically intact.
DIAGNOSTIC DATA: Electrocardiogram shows sinus rhythm. Head CT negative.
ASSESSMENT: Syncope.
PLAN: Event monitor and echocardiogram to be arranged, with outpatient follow-up with his
cardiologist next week.
"""

HISTORY_ONLY = """SUBJECTIVE: A 52-year-old woman with hypertension. After her last
hospital stay she had outpatient follow-up with a cardiologist, who found nothing.
OBJECTIVE: Blood pressure 134/82. Heart regular.
ASSESSMENT: Hypertension.
PLAN: Continue lisinopril.
"""

ADMITTED = """HISTORY OF PRESENT ILLNESS: A 70-year-old woman admitted with pneumonia.
PHYSICAL EXAMINATION: Crackles at the right base.
ASSESSMENT: Community-acquired pneumonia.
PLAN: Intravenous ceftriaxone. Outpatient follow-up with her doctor after discharge.
"""

OFFICE = """SUBJECTIVE: A 45-year-old man comes in today with a cough for five days.
OBJECTIVE: Lungs clear. Temperature 99.1.
ASSESSMENT: Acute bronchitis.
PLAN: Fluids and rest. Outpatient follow-up here in two weeks if not better.
"""


def test_outpatient_follow_up_in_plan_makes_the_note_the_emergency_record() -> None:
    assert visit_setting(analyze(ED)) == "emergency"
    codes = [p["code"] for p in code_cpt(ED)["procedures"]]
    assert codes and codes[0].startswith("9928")


def test_outpatient_follow_up_told_in_the_history_is_no_setting_cue() -> None:
    assert visit_setting(analyze(HISTORY_ONLY)) == "office"


def test_admission_note_arranging_outpatient_follow_up_stays_hospital_care() -> None:
    assert visit_setting(analyze(ADMITTED)) == "hospital"


def test_office_note_booking_its_own_return_stays_an_office_visit() -> None:
    assert visit_setting(analyze(OFFICE)) == "office"
