"""Critical care by documented time (99291), and the hospital-setting cues of inpatient
consultations and admissions: a patient admitted to a floor or the ICU, a transfer from an
outside hospital, drips and tube feeds in the plan; an ED record read in an admitting H&P is
not the ED's own note."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit, visit_setting

ICU_CONSULT = """REASON FOR CONSULTATION: ICU management.
HISTORY OF PRESENT ILLNESS: A 60-year-old man with septic shock from a perforated bowel,
intubated and on norepinephrine after an emergency laparotomy last night.
ASSESSMENT AND PLAN:
1. Septic shock. Continue vasopressors and broad-spectrum antibiotics.
2. Acute respiratory failure. Continue mechanical ventilation, wean oxygen as tolerated.
Total critical care time spent at the bedside, excluding procedures, was 1 hour.
"""

SHORT_CRITICAL = ICU_CONSULT.replace("was 1 hour", "was 20 minutes")

TRANSFER_HP = """CHIEF COMPLAINT: Confusion.
HISTORY OF PRESENT ILLNESS: A 72-year-old man transferred from an outlying hospital with new
confusion. History is taken from the emergency room record; no family is present.
PHYSICAL EXAMINATION: Irregular rhythm. Word-finding difficulty.
ASSESSMENT AND PLAN:
1. Aphasia. MRI of the brain, carotid Doppler and echocardiogram. Neurology to see him.
2. Atrial fibrillation. Continue metoprolol.
"""

POSTOP_CONSULT = """REASON FOR CONSULTATION: Medical management after surgery.
HISTORY OF PRESENT ILLNESS: A 79-year-old woman had a left total hip replacement yesterday and
is admitted today to the orthopedic floor for postoperative care.
ASSESSMENT AND PLAN:
1. Hypertension, controlled. Continue lisinopril.
2. Deep vein thrombosis prophylaxis as per the surgeon.
"""


def test_documented_critical_care_time_is_99291() -> None:
    level = level_visit(analyze(ICU_CONSULT))
    assert level is not None
    assert level["code"] == "99291"
    assert level["total_minutes"] == 60
    assert "critical care" in level["evidence"].lower()


def test_under_thirty_minutes_of_critical_care_is_an_ordinary_visit_code() -> None:
    level = level_visit(analyze(SHORT_CRITICAL))
    assert level is not None
    assert level["code"] != "99291"


def test_a_transfer_read_from_the_er_record_is_an_admission_not_an_ed_visit() -> None:
    assert visit_setting(analyze(TRANSFER_HP)) == "hospital"


def test_a_patient_admitted_today_to_a_floor_is_in_the_hospital() -> None:
    assert visit_setting(analyze(POSTOP_CONSULT)) == "hospital"
    level = level_visit(analyze(POSTOP_CONSULT))
    assert level is not None and level["code"].startswith("9922")
