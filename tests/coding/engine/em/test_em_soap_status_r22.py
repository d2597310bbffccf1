"""A SUBJECTIVE/OBJECTIVE (SOAP) note that does not say whether the patient is new is a
practice's own return visit, even when it lists the past, family and social history and a
review of systems; a SUBJECTIVE heading deep inside a report (a disability evaluation scoring
"subjective" factors) does not make it one."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import level_visit

SOAP_WITH_HISTORY = """SUBJECTIVE: A 2-year-old girl with a runny nose for ten days and a cough
that started four days ago. No fever. Eating well.
PAST MEDICAL HISTORY: Reviewed, otherwise healthy.
FAMILY SOCIAL HISTORY: Lives with both parents and a brother who has a cold.
REVIEW OF SYSTEMS: No vomiting or diarrhea. Otherwise negative.
OBJECTIVE: Afebrile. Nasal mucosa boggy with thick drainage. Lungs clear.
ASSESSMENT: Acute sinusitis.
PLAN: Amoxicillin 250 mg three times a day for ten days. Fluids.
"""

REPORT_WITH_SUBJECTIVE_FACTORS = """HISTORY OF PRESENT ILLNESS: A 52-year-old man with low back
pain since a fall at work two years ago.
PAST MEDICAL HISTORY: None.
SOCIAL HISTORY: Married, does not smoke.
REVIEW OF SYSTEMS: Negative.
PHYSICAL EXAMINATION: Lumbar flexion limited, straight leg raise negative.
IMPRESSION: Chronic lumbar strain.
DISABILITY FACTORS:
OBJECTIVE: Reduced lumbar range of motion.
SUBJECTIVE: Pain slight at rest, moderate with lifting.
PLAN: Naproxen 500 mg twice a day and a home exercise program.
"""


def test_soap_note_without_status_is_established() -> None:
    level = level_visit(analyze(SOAP_WITH_HISTORY))
    assert level is not None
    assert level["patient_status"] == "established"
    assert level["code"] == "99213"
    lines = code_cpt(SOAP_WITH_HISTORY)["procedures"]
    assert [line["code"] for line in lines] == ["99213"]


def test_stated_new_patient_in_soap_note_stays_new() -> None:
    note = SOAP_WITH_HISTORY.replace("A 2-year-old", "New patient, a 2-year-old")
    level = level_visit(analyze(note))
    assert level is not None
    assert level["patient_status"] == "new"


def test_subjective_factors_late_in_a_report_do_not_make_it_a_return_visit() -> None:
    level = level_visit(analyze(REPORT_WITH_SUBJECTIVE_FACTORS))
    assert level is not None
    assert level["patient_status"] == "new"
