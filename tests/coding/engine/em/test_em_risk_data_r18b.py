"""Risk and data (round 18b): a procedure the patient "wished to proceed" with is decided on;
treatment limited by what the patient cannot pay for or obtain (uninsured, "cannot afford",
social work called in for the supplies) is the social-determinants risk; and a study result
told in the past tense beside the labs ("chest x-ray was negative") is a report reviewed, not
the clinician's own reading."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em.cues import cues
from agentkit.coding.engine.em.elements import data_element, risk_element


def _risk(text: str) -> str:
    return risk_element(analyze(text), cues()).name


def _data(text: str) -> tuple[str, str]:
    el = data_element(analyze(text), cues())
    return el.name, " ".join(el.detail)


def test_wished_to_proceed_decides_the_procedure() -> None:
    note = """ASSESSMENT AND PLAN: Condyloma of the shaft. We talked about a topical cream or
laser removal in the office. He understood the chance of recurrence and wished to proceed with
the laser treatment.
"""
    assert _risk(note) == "moderate"


def test_observation_alone_decides_nothing() -> None:
    note = """ASSESSMENT: Condyloma of the shaft.
PLAN: Observation. He will call if it grows.
"""
    assert _risk(note) == "minimal"


def test_uninsured_patient_limits_treatment() -> None:
    note = """ASSESSMENT AND PLAN: Symptomatic ventral hernia. He has no insurance since losing
his job, so we asked the social worker to help him obtain ostomy supplies.
"""
    assert _risk(note) == "moderate"


def test_social_work_for_discharge_planning_is_not_sdoh() -> None:
    note = """ASSESSMENT AND PLAN: Symptomatic ventral hernia. Social work to see him about
discharge planning. Ice and rest.
"""
    assert _risk(note) == "minimal"


def test_past_tense_result_is_reviewed_not_interpreted() -> None:
    note = """DIAGNOSTIC STUDIES: Chest x-ray was negative. The abdominal films were read as
being negative. Sodium 139, potassium 4.1.
ASSESSMENT: Reduced umbilical hernia.
"""
    _name, reasons = _data(note)
    assert "interpretation" not in reasons


def test_finding_dictated_after_the_study_is_own_reading() -> None:
    note = """EXAMINATION: Tender lateral malleolus. X-rays negative for fracture.
ASSESSMENT: Ankle sprain.
"""
    _name, reasons = _data(note)
    assert "interpretation" in reasons
