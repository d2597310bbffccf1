"""Round 23 (second E/M helper): an admission told with its date, the present stay and the
ward's medication list make a note inpatient; a consultant's request words make the note a
consultation, whose author does not decide the admission."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import level_visit, visit_setting


def _level(note: str, status: str = "unknown") -> dict[str, Any]:
    found = level_visit(analyze(note), patient_status=status)
    assert found is not None
    return found


ADMITTED_ON = """REASON FOR CONSULTATION: Free air in the wall of the right colon on CT.
HISTORY OF PRESENT ILLNESS: A frail 90-year-old man who was admitted on 03/14/08 with
confusion and a urinary infection. During this hospitalization he has had bloating and loose
stools. The CT two days ago showed gas in the cecal wall.
PHYSICAL EXAMINATION: Distended, mildly tender abdomen without peritoneal signs.
ASSESSMENT: Pneumatosis of the cecum, possibly ischemic.
PLAN: Repeat CT of the abdomen tomorrow; bowel rest.
"""


def test_an_admission_told_with_its_date_and_the_present_stay_make_the_note_inpatient() -> None:
    assert visit_setting(analyze(ADMITTED_ON)) == "hospital"
    assert _level(ADMITTED_ON)["code"].startswith("9922")


def test_an_office_note_that_follows_up_stays_in_the_office() -> None:
    office = (
        "HISTORY OF PRESENT ILLNESS: She comes in today for follow-up of her knee.\n"
        "She was admitted to another hospital in 2019 for a hip fracture.\n"
        "ASSESSMENT: Knee osteoarthritis. PLAN: Follow up in three months.\n"
    )
    assert visit_setting(analyze(office)) == "office"


WARD_MEDICATIONS = """REASON FOR CONSULT: Cocaine use.
HISTORY OF PRESENT ILLNESS: A 38-year-old man was brought to the ER by his brother after a
two-day binge. He has had no chest pain since being in the hospital.
MEDICATIONS INPATIENT: Thiamine 100 mg daily, lorazepam 1 mg as needed.
ASSESSMENT: Cocaine abuse, in early withdrawal.
RECOMMENDATIONS: Gabapentin 300 mg three times a day for agitation.
"""


def test_the_wards_medication_list_makes_the_consultation_inpatient() -> None:
    assert visit_setting(analyze(WARD_MEDICATIONS)) == "hospital"


def test_arriving_through_the_er_alone_is_still_the_emergency_departments_note() -> None:
    ed = WARD_MEDICATIONS.replace(
        " He has had no chest pain since being in the hospital.", ""
    ).replace("MEDICATIONS INPATIENT:", "MEDICATIONS:")
    assert visit_setting(analyze(ed)) == "emergency"


AT_REQUEST = """HISTORY OF PRESENT ILLNESS: A 52-year-old man with a mechanical mitral valve was
admitted for a kidney stone operation and has bled afterward. He was seen at the request of
Dr. Lowe to manage his warfarin.
PAST MEDICAL HISTORY: Mitral valve replacement, atrial fibrillation, hypertension.
SOCIAL HISTORY: Does not smoke.
FAMILY HISTORY: Noncontributory.
IMPRESSION:
1. Postoperative hematuria.
2. Mechanical mitral valve.
3. Atrial fibrillation.
RECOMMENDATIONS: Keep warfarin on hold until the urine clears, then resume heparin without a bolus.
"""


def test_a_note_seen_at_a_physicians_request_is_a_consultation_not_the_admission() -> None:
    found = _level(AT_REQUEST)
    assert found["mdm"]["risk"] != "high"
    assert found["patient_status"] == "new"
    lines = code_cpt(AT_REQUEST)["procedures"]
    assert [p["code"] for p in lines] == [found["code"]]
