"""An assessment's unspecified "cataracts" takes the type the examination gives: nuclear
sclerosis (the nuclear age-related cataract, H25.1-) told in the exam is the same diagnosis.
Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(exam: str, assessment: str) -> list[str]:
    note = (
        "SUBJECTIVE: A 74-year-old woman with slowly blurring vision for a year.\n"
        f"OBJECTIVE: Visual acuity 20/60 in each eye. {exam}\n"
        f"ASSESSMENT: {assessment}\n"
        "PLAN: Return in six months.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_exam_nuclear_sclerosis_types_the_assessment_cataract() -> None:
    assert codes(
        "Slit lamp shows 2+ nuclear sclerosis in both eyes.", "Cataracts in both eyes."
    ) == ["H25.13"]


def test_no_type_in_the_exam_stays_unspecified() -> None:
    assert codes("Slit lamp shows clear corneas and deep chambers.", "Cataract, right eye.") == [
        "H26.9"
    ]
