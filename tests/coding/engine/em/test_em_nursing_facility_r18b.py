"""Nursing facility care (round 18b): a physician's visit to a resident of a nursing home or
skilled nursing facility is leveled with the nursing facility codes - subsequent care 99307-99310
for a visit during the stay, initial care 99304-99306 for the admission to the facility - not
as a hospital progress note or an office visit. A resident told to be in the hospital now is
hospital care."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import level_visit


def _code(text: str) -> str:
    out = level_visit(analyze(text))
    assert out is not None
    return str(out["code"])


def test_monthly_visit_at_the_nursing_home_is_subsequent_care() -> None:
    note = """SUBJECTIVE: I saw her today at the nursing home for her monthly visit. Staff say she
is eating less and more forgetful in the evenings.
OBJECTIVE: Weight down two pounds. Lungs clear. Oriented to person only.
ASSESSMENT: 1. Alzheimer dementia, progressing. 2. Hypertension, controlled.
PLAN: Increase donepezil to 10 mg daily. Continue lisinopril. Weekly weights.
"""
    assert _code(note) == "99309"
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["99309"]


def test_restraint_status_heading_marks_the_facility_visit() -> None:
    note = """CODE STATUS: Full code.
DIET: Mechanical soft.
RESTRAINTS: None.
INTERVAL HISTORY: Stable month. Mild knee pain relieved by acetaminophen.
EXAMINATION: Comfortable in a wheelchair. Knees without effusion.
ASSESSMENT AND PLAN: Osteoarthritis of both knees, stable. Continue acetaminophen.
"""
    assert _code(note).startswith("9930")


def test_admission_to_the_skilled_nursing_facility_is_initial_care() -> None:
    note = """HISTORY OF PRESENT ILLNESS: An 82-year-old woman is admitted to the skilled nursing
facility today for rehabilitation after repair of a left hip fracture.
PAST MEDICAL HISTORY: Hypertension. Type 2 diabetes.
SOCIAL HISTORY: Widowed, lived alone.
FAMILY HISTORY: Noncontributory.
REVIEW OF SYSTEMS: Negative except as above.
EXAMINATION: Healing incision. Lungs clear.
ASSESSMENT AND PLAN: 1. Left hip fracture after fixation: physical therapy. 2. Hypertension,
controlled: continue lisinopril 10 mg daily. 3. Type 2 diabetes: continue metformin 500 mg twice
daily, fingersticks before meals.
"""
    assert _code(note) in ("99305", "99306")


def test_resident_admitted_to_the_hospital_is_hospital_care() -> None:
    note = """HISTORY OF PRESENT ILLNESS: A nursing home resident seen at the nursing home
yesterday for cough was admitted with pneumonia and hypoxia.
EXAMINATION: Crackles at the right base. Oxygen saturation 88% on room air.
ASSESSMENT AND PLAN: Community-acquired pneumonia with hypoxia. Admit to telemetry, IV
ceftriaxone and azithromycin, oxygen.
"""
    assert _code(note).startswith("9922")


def test_resident_seen_in_the_office_is_an_office_visit() -> None:
    note = """She lives in a nursing home and comes in today with her daughter for a rash on
her back.
EXAMINATION: Scattered erythematous papules on the back.
ASSESSMENT: Contact dermatitis.
PLAN: Triamcinolone 0.1% cream twice daily. Follow up in two weeks.
"""
    assert _code(note).startswith("992")
