"""Discharge summaries are billed as discharge-day management (99238/99239) also when their
headings are a summary's own: a PRELIMINARY DIAGNOSES list (the admitting diagnosis, not an
operative report's preoperative one) with the hospital course, a psychiatric COURSE IN HOSPITAL,
a PROCEDURES list under DISCHARGE DIAGNOSES. An ED record that tells the condition on discharge
is not one."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import visit_setting

PRELIMINARY_AND_FINAL = """PRELIMINARY DIAGNOSES:
1. Syncope.
2. Dehydration.
FINAL DIAGNOSES:
1. Vasovagal syncope.
2. Dehydration, resolved.
COURSE IN THE HOSPITAL: The patient was given intravenous fluids and monitored on telemetry
without arrhythmia. He was discharged home in good condition.
PLAN: Follow up with his doctor in one week.
"""

PSYCHIATRIC_SUMMARY = """SUMMARY OF TREATMENT PLAN: Safety, medication adjustment, group therapy.
COURSE IN HOSPITAL: The patient was admitted for suicidal thoughts. Sertraline was increased and
his mood improved steadily; he denied suicidal thoughts for the last four days of the stay.
FINAL DIAGNOSIS: Major depressive disorder, recurrent, severe.
DISCHARGE PLAN: Outpatient psychiatry follow-up in one week.
"""

SUMMARY_WITH_PROCEDURE_LIST = """DISCHARGE DIAGNOSES:
1. Community-acquired pneumonia.
2. Atrial fibrillation with rapid ventricular response, converted.
PROCEDURES:
1. Transthoracic echocardiogram.
2. Carotid duplex ultrasound.
HOSPITAL COURSE: Treated with ceftriaxone and azithromycin; rate controlled with diltiazem.
CONDITION ON DISCHARGE: Stable.
"""

ED_RECORD_WITH_DISCHARGE_CONDITION = """HISTORY: A 40-year-old man with rib pain after a fall.
PHYSICAL EXAMINATION: Tender over the left lower ribs. Lungs clear.
ASSESSMENT: Rib contusion.
PLAN: Ibuprofen 600 mg three times a day as needed.
CONDITION ON DISCHARGE: Stable.
"""


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_preliminary_diagnoses_are_a_summarys_admitting_diagnoses() -> None:
    assert _codes(PRELIMINARY_AND_FINAL) == ["99238"]


def test_a_psychiatric_course_in_hospital_is_a_discharge_summary() -> None:
    assert visit_setting(analyze(PSYCHIATRIC_SUMMARY)) == "discharge"


def test_a_procedure_list_under_discharge_diagnoses_bills_the_discharge() -> None:
    # the studies of the stay were billed by whoever read them
    assert _codes(SUMMARY_WITH_PROCEDURE_LIST) == ["99238"]


def test_an_ed_record_telling_the_condition_on_discharge_stays_an_ed_visit() -> None:
    assert visit_setting(analyze(ED_RECORD_WITH_DISCHARGE_CONDITION)) != "discharge"


# A stay summary written with an operation's heading (OPERATION / PROCEDURE) beside the
# admission's final diagnoses and the hospital course or a discharge heading.
SPINE_STAY_SUMMARY = """FINAL DIAGNOSES:
1. Lumbar disc herniation L4-5 with right sciatica.
OPERATION: On 03/02/19, right L4-5 microdiscectomy.
HOSPITAL COURSE: Following admission the operation was done without difficulty. His leg pain
resolved, he walked the halls on the first day and went home on the second day.
"""

DELIVERY_STAY_SUMMARY = """FINAL DIAGNOSES: Term pregnancy, delivered; arrest of dilation.
PROCEDURE: Primary low transverse cesarean section.
SUMMARY: Labor was induced at 39 weeks. She arrested at 7 cm and was taken for a cesarean
section, which went well. She recovered without fever and tolerated a regular diet.
PHYSICAL EXAMINATION ON DISCHARGE: Afebrile, fundus firm, incision clean.
FOLLOWUP: Office in two weeks.
"""

ED_RECORD_WITH_FINAL_DIAGNOSIS = """CHIEF COMPLAINT: Laceration of the left hand.
HISTORY OF PRESENT ILLNESS: Cut the hand on a kitchen knife an hour ago.
REVIEW OF SYSTEMS: Negative except as above.
PHYSICAL EXAMINATION: A 2 cm laceration of the left palm, tendons intact.
PROCEDURE: The 2 cm laceration of the palm was closed with four simple interrupted sutures.
FINAL DIAGNOSIS: Laceration of the left palm.
DISCHARGE MEDICATIONS: Ibuprofen.
"""


def test_a_stay_summary_with_an_operation_heading_bills_the_discharge_day() -> None:
    # the surgeon bills the operation on the operative note; the summary is the discharge
    assert _codes(SPINE_STAY_SUMMARY) == ["99238"]
    assert _codes(DELIVERY_STAY_SUMMARY) == ["99238"]


def test_an_ed_record_with_final_diagnosis_and_discharge_medications_keeps_its_repair() -> None:
    codes = _codes(ED_RECORD_WITH_FINAL_DIAGNOSIS)
    assert "12001" in codes
    assert "99238" not in codes
