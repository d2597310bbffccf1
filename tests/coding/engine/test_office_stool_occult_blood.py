"""The stool on the examining glove tested for blood at an office visit ("Stool is Hemoccult
negative") is 82272 beside the visit; an emergency department's test is the facility
laboratory's, and a history of guaiac-positive stools is no test done today."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

OFFICE = """CHIEF COMPLAINT: Follow-up of hypertension and diabetes.
HISTORY OF PRESENT ILLNESS: A 66-year-old man returns for follow up. {history}
PHYSICAL EXAMINATION:
Abdomen: Soft, nontender.
Rectal: Normal sphincter tone. Prostate smooth. {rectal}
ASSESSMENT: 1. Hypertension, controlled. 2. Type 2 diabetes, controlled.
PLAN: Continue lisinopril 20 mg daily and metformin 500 mg twice daily. Return in three months.
"""


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_the_office_stool_guaiac_is_billed() -> None:
    codes = _codes(OFFICE.format(history="", rectal="Brown stool, Hemoccult negative."))
    assert "82272" in codes
    assert codes[0].startswith("992")


def test_guaiac_negative_stool_worded_first() -> None:
    codes = _codes(OFFICE.format(history="", rectal="Guaiac-negative brown stool."))
    assert "82272" in codes


def test_a_history_of_positive_stools_is_no_test_today() -> None:
    codes = _codes(
        OFFICE.format(history="He had guaiac positive stools last year.", rectal="No masses.")
    )
    assert "82272" not in codes


def test_the_emergency_departments_test_is_the_facilitys() -> None:
    note = """CHIEF COMPLAINT: Abdominal pain.
HISTORY OF PRESENT ILLNESS: A 40-year-old man came to the emergency department tonight with
epigastric pain.
PHYSICAL EXAMINATION: Epigastric tenderness. Rectal: brown stool, guaiac negative.
EMERGENCY DEPARTMENT COURSE: Given an antacid with relief.
DIAGNOSIS: Gastritis.
DISPOSITION: Discharged home in stable condition.
"""
    assert "82272" not in _codes(note)
