"""Round 19 readers of the patient status and the setting: a patient who comes to establish
care, a 'last seen' line after the impression, a patient who last saw another doctor, an
inpatient consultation answering a referral, and a HISTORY heading that tells this admission."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit, visit_setting


def _level(note: str) -> dict[str, Any]:
    found = level_visit(analyze(note))
    assert found is not None
    return found


ESTABLISH = """HPI: A 50-year-old man known to me from years of working
together at the county clinic wants to establish care with me for his diabetes.
He was followed by another internist who retired.
PAST MEDICAL HISTORY: Type 2 diabetes.
EXAMINATION: BP 128/76. Feet with intact sensation.
ASSESSMENT: Type 2 diabetes, hemoglobin A1c 8.9, not at goal.
PLAN: Increase metformin to 1000 mg twice daily. Recheck A1c in three months.
"""


def test_a_patient_who_asks_to_establish_care_is_new() -> None:
    found = _level(ESTABLISH)
    assert found["patient_status"] == "new"
    assert found["code"] == "99204"


def test_establishing_care_with_another_doctor_is_no_new_patient_cue() -> None:
    elsewhere = ESTABLISH.replace(
        "wants to establish care with me for his diabetes",
        "is also establishing care with an endocrinologist",
    )
    assert _level(elsewhere)["patient_status"] == "established"


CASE_SUMMARY = """CC: Memory loss.
HX: A 70-year-old man with a year of worsening forgetfulness, lost driving to familiar places.
PMH: Hypertension.
FHX/SHX: Mother had dementia. Retired farmer, no tobacco.
ROS: Unremarkable.
EXAM: MMSE 22/30 with poor recall. Otherwise nonfocal.
STUDIES: MRI of the brain showed generalized atrophy. TSH and B12 were normal.
IMPRESSION: Probable Alzheimer disease.

He was last seen 6/3/96 and was unchanged.
"""


def test_a_last_seen_line_after_the_impression_does_not_make_the_patient_established() -> None:
    assert _level(CASE_SUMMARY)["patient_status"] == "new"


def test_last_seen_in_the_history_is_an_established_patient() -> None:
    returning = CASE_SUMMARY.replace(
        "HX: A 70-year-old man", "HX: He was last seen here in March. A 70-year-old man"
    )
    assert _level(returning)["patient_status"] == "established"


def test_a_patient_who_last_saw_his_own_doctor_is_not_established_here() -> None:
    other = """A 60-year-old man presents at the request of Dr. Lee, his primary physician, for
evaluation of thick toenails. He has last seen his primary physician in December.
EXAMINATION: Thickened yellow nails of both great toes.
ASSESSMENT: Onychomycosis.
PLAN: Topical ciclopirox prescribed.
"""
    assert _level(other)["patient_status"] == "new"


REFERRAL = """REASON FOR REFERRAL: Cardiac evaluation of a patient admitted with abdominal pain.
HISTORY: A 77-year-old woman came to the emergency room last night with abdominal cramps and
was admitted. She has coronary disease with bypass surgery years ago and no angina now.
EXAMINATION: Lying in bed, comfortable. Heart regular.
IMPRESSION:
1. Possible small old myocardial infarction on the EKG.
2. Coronary artery disease, no angina.
3. Hypertension.
RECOMMENDATION: Continue her cardiac medications. An echocardiogram.
"""


def test_an_inpatient_referral_is_a_consultation_without_an_admission_decision() -> None:
    found = _level(REFERRAL)
    assert visit_setting(analyze(REFERRAL)) == "hospital"
    assert found["mdm"]["risk"] == "moderate"
    assert found["code"] == "99222"
    admitting = REFERRAL.replace("REASON FOR REFERRAL:", "CHIEF COMPLAINT:")
    assert _level(admitting)["mdm"]["risk"] == "high"


def test_a_history_heading_that_tells_this_admission_is_hospital_care() -> None:
    note = """REASON FOR CONSULTATION: Pulmonary embolism.
HISTORY: A 78-year-old woman. Since last evening she has been admitted to the hospital
after fainting.
EXAMINATION: No distress. Lungs clear.
ASSESSMENT: Syncope, rule out recurrent pulmonary embolism.
PLAN: Oxygen saturation with walking.
"""
    assert visit_setting(analyze(note)) == "hospital"
    office = note.replace(
        "Since last evening she has been admitted to the hospital", "She comes in today"
    )
    assert visit_setting(analyze(office)) == "office"
