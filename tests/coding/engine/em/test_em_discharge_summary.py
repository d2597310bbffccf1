"""Discharge and transfer summaries are billed as discharge-day management (99238/99239): also
when their headings are a summary's own (FINAL DIAGNOSES with the condition on discharge or
transfer, a PRELIMINARY DIAGNOSES list, a psychiatric COURSE IN HOSPITAL, a PROCEDURES list
under DISCHARGE DIAGNOSES) - but not an ED record that examines, assesses and tells the
condition on discharge."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import visit_setting

TRANSFER_SUMMARY = """HISTORY OF PRESENT ILLNESS: A 61-year-old man had an abnormal stress test this
morning and was admitted. Coronary angiography showed severe three-vessel disease.
CONDITION ON TRANSFER: Stable, chest pain free.
MEDICATIONS ON TRANSFER: Aspirin 81 mg daily, metoprolol 25 mg twice a day, heparin drip.
DISPOSITION: Transferred to the cardiac surgery service for bypass grafting.
"""

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

DELIVERY_SUMMARY = """FINAL DIAGNOSES: Delivered pregnancy at 39 weeks, failure to progress.
PROCEDURE: Primary low transverse cesarean section.
SUMMARY: Induced at 39 weeks, arrested at 8 cm and delivered by cesarean section. Her
postoperative course was uncomplicated.
PHYSICAL EXAMINATION ON DISCHARGE: Afebrile. Incision clean and dry.
FOLLOWUP: In the office in one week.
"""

ED_RECORD_WITH_DISCHARGE_CONDITION = """HISTORY: A 40-year-old man with rib pain after a fall.
PHYSICAL EXAMINATION: Tender over the left lower ribs. Lungs clear.
ASSESSMENT: Rib contusion.
PLAN: Ibuprofen 600 mg three times a day as needed.
CONDITION ON DISCHARGE: Stable.
"""


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_transfer_summary_is_discharge_day_management() -> None:
    assert visit_setting(analyze(TRANSFER_SUMMARY)) == "discharge"
    assert _codes(TRANSFER_SUMMARY) == ["99238"]


def test_preliminary_diagnoses_are_a_summarys_admitting_diagnoses() -> None:
    assert _codes(PRELIMINARY_AND_FINAL) == ["99238"]


def test_a_delivery_summary_with_the_discharge_exam_bills_the_discharge() -> None:
    # the cesarean is billed from its own operative report
    assert _codes(DELIVERY_SUMMARY) == ["99238"]


def test_an_ed_record_telling_the_condition_on_discharge_stays_an_ed_visit() -> None:
    assert visit_setting(analyze(ED_RECORD_WITH_DISCHARGE_CONDITION)) != "discharge"
