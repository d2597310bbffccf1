"""An admission history and physical closed by a short HOSPITAL COURSE that never tells a
discharge ("The patient was admitted for further evaluation. A biopsy was performed.") is the
admitting physician's initial hospital care, not discharge-day management; a hospital course
that ends with the discharge is still a discharge summary, and "no nipple discharge" in the
examination is a finding, not the patient leaving."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

NOTE = """CHIEF COMPLAINT: Fever and right upper quadrant pain.
HISTORY OF PRESENT ILLNESS: A 52-year-old woman came to the emergency room with a week of fever,
night sweats and right upper quadrant pain. She has lost ten pounds.
PAST MEDICAL HISTORY: None.
SOCIAL HISTORY: No tobacco or alcohol.
PHYSICAL EXAM:
GEN: Ill-appearing woman. Temperature 39.1.
BREASTS: No masses, no nipple discharge.
ABDOMEN: Tender in the right upper quadrant, liver edge palpable.
STUDIES:
CT abdomen: a 7 cm hypodense liver mass.
HOSPITAL COURSE: The patient was admitted to the hospital for further evaluation. {course}
"""


def codes(course: str) -> list[str]:
    return [line["code"] for line in code_cpt(NOTE.format(course=course))["procedures"]]


def test_course_stub_is_initial_hospital_care() -> None:
    found = codes("A diagnostic procedure was performed.")
    assert found and found[0] in ("99221", "99222", "99223"), found
    assert "99238" not in found


def test_course_told_to_discharge_stays_a_summary() -> None:
    found = codes("She improved on antibiotics and was discharged home on the fifth day.")
    assert found == ["99238"]
