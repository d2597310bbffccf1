"""Round 20, later: a consultation known by the request the consultant tells ('a cardiology
consultation was requested preoperatively'), an inpatient known by the stay that goes on, and a
controlled substance given by injection (AMA: parenteral controlled substances, high risk)."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit, visit_setting
from agentkit.coding.engine.em.cues import cues
from agentkit.coding.engine.em.elements import risk_element


def _level(note: str) -> dict[str, Any]:
    found = level_visit(analyze(note))
    assert found is not None
    return found


REQUESTED = """INDICATIONS: Chest discomfort before hip surgery.
HISTORY OF PRESENT ILLNESS: A 78-year-old woman broke her left hip in a fall and was admitted
for repair. She had a few seconds of sharp chest pain in the emergency department. Troponins
have been negative four times. A cardiology consultation was requested preoperatively.
DIAGNOSTIC DATA: EKG shows sinus rhythm with nonspecific ST flattening.
IMPRESSION: Atypical chest pain after a traumatic hip fracture.
RECOMMENDATIONS: Safe to proceed with the hip repair. Start metoprolol 25 mg twice a day before
surgery. We will follow her with EKGs and troponins.
"""


def test_a_consultation_told_as_requested_of_the_writer_is_a_consultation() -> None:
    found = _level(REQUESTED)
    assert found["mdm"]["risk"] == "moderate"
    assert found["code"] == "99222"


def test_a_consult_the_writer_orders_for_another_service_is_not() -> None:
    ordering = REQUESTED.replace(
        "A cardiology consultation was requested preoperatively.",
        "An infectious disease consult was called and a dietary consult ordered.",
    )
    assert _level(ordering)["mdm"]["risk"] == "high"


STAY = """HISTORY OF PRESENT ILLNESS: Her INR is 5 despite stopping warfarin and giving vitamin K.
She had a nosebleed a few days ago that needed packing.
PHYSICAL EXAMINATION: Alert, frustrated with her prolonged hospital stay. No bruising.
IMPRESSION AND PLAN: Elevated INR off warfarin. Mixing studies and a PTT today.
"""


def test_a_stay_that_goes_on_is_hospital_care() -> None:
    assert visit_setting(analyze(STAY)) in ("hospital", "subsequent")


def test_a_past_stay_told_in_the_history_is_not() -> None:
    past = STAY.replace(
        "frustrated with her prolonged hospital stay", "glad to be home after her last admission"
    )
    assert visit_setting(analyze(past)) == "office"


AGITATED = """CHIEF COMPLAINT: Agitated and upset.
HISTORY OF PRESENT ILLNESS: A 91-year-old woman brought in by her daughter from her care home,
upset and worried she was poisoned. Vital signs normal.
EMERGENCY DEPARTMENT COURSE: She was given lorazepam 1 mg intramuscularly and was calmer in
half an hour.
IMPRESSION: Acute episode of agitation.
PLAN: Follow up with her physician. She is discharged in stable condition.
"""


def test_a_controlled_substance_given_by_injection_is_high_risk() -> None:
    assert risk_element(analyze(AGITATED), cues()).name == "high"


def test_the_same_drug_by_mouth_is_prescription_drug_management() -> None:
    oral = AGITATED.replace("lorazepam 1 mg intramuscularly", "lorazepam 1 mg by mouth")
    assert risk_element(analyze(oral), cues()).name == "moderate"
