"""Diabetes a procedure note's indication or history tells of its patient is coded beside the
postoperative diagnosis (guideline IV.J; `procedure_comorbidities:` in guidelines.yaml),
also when the note calls the patient a diabetic. Not a "diabetic diet", not a denial, not a
relative's diabetes, and not in a visit note with an assessment. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(indication: str) -> list[str]:
    note = (
        "PREOPERATIVE DIAGNOSIS: Symptomatic cholelithiasis.\n"
        "POSTOPERATIVE DIAGNOSIS: Symptomatic cholelithiasis.\n"
        "PROCEDURE: Laparoscopic cholecystectomy.\n"
        f"INDICATIONS: {indication}\n"
        "DESCRIPTION: The gallbladder was removed without difficulty.\n"
    )
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_diabetes_told_in_the_indication_is_coded() -> None:
    codes = _codes("A 58-year-old with type 2 diabetes mellitus and biliary colic.")
    assert codes[0] == "K80.20" and "E11.9" in codes


def test_the_patient_called_a_diabetic() -> None:
    assert "E11.9" in _codes("This 62-year-old diabetic woman has had biliary colic for months.")
    assert "E11.9" in _codes("She has biliary colic. She is a diabetic on oral agents.")


def test_poorly_controlled_diabetes_is_with_hyperglycemia() -> None:
    # Index: Diabetes, poorly controlled - code to Diabetes, by type, with hyperglycemia
    assert "E11.65" in _codes("She has poorly controlled type 2 diabetes and biliary colic.")


def test_no_diabetes_is_not_coded() -> None:
    for text in (
        "He follows a diabetic diet for prediabetes. Biliary colic for months.",
        "She has no history of diabetes. Biliary colic for months.",
        "Her mother has diabetes. Biliary colic for months.",
    ):
        assert not any(c.startswith("E11") for c in _codes(text)), text


def test_a_visit_with_an_assessment_is_not_changed() -> None:
    note = (
        "CHIEF COMPLAINT: Sore throat.\n"
        "HISTORY OF PRESENT ILLNESS: A 40-year-old diabetic man with two days of sore throat.\n"
        "ASSESSMENT: Acute pharyngitis.\n"
        "PLAN: Salt water gargles.\n"
    )
    assert not any(c.startswith("E11") for c in [d["code"] for d in code_cpt(note)["diagnoses"]])
