"""A BMI told in the vital signs or the examination is coded beside the provider's weight
diagnosis (guideline I.B.14: "Morbid obesity" in the assessment with "BMI is 45.5" in the
examination is E66.01 + Z68.42), never alone; and a status read from the history (a drug, a
BMI) does not stop a note without an assessment from coding the reason its history tells."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_a_bmi_in_the_exam_goes_with_an_obesity_diagnosis() -> None:
    note = """HISTORY OF PRESENT ILLNESS: A 34-year-old woman returns about her weight.
PHYSICAL EXAMINATION: Weight 309 pounds. BMI is 45.5. Alert, no distress.
ASSESSMENT/PLAN: Morbid obesity. Continue the low-calorie diet; see me in one month.
"""
    found = codes(note)
    assert "E66.01" in found and "Z68.42" in found
    assert found[0] == "E66.01"


def test_a_bmi_without_a_weight_diagnosis_is_not_coded() -> None:
    note = """HISTORY OF PRESENT ILLNESS: A 40-year-old man returns for his blood pressure.
PHYSICAL EXAMINATION: BMI is 31. Blood pressure 128/80.
ASSESSMENT: Essential hypertension, controlled.
PLAN: Continue lisinopril 10 mg daily.
"""
    found = codes(note)
    assert "I10" in found
    assert not any(c.startswith("Z68") for c in found)


def test_a_status_alone_does_not_stop_the_history_fallback() -> None:
    note = """HISTORY OF PRESENT ILLNESS: A 70-year-old man comes in with shortness of breath
for three days.
MEDICATIONS: Coumadin 5 mg daily.
PHYSICAL EXAMINATION: Lungs with scattered crackles.
PLAN: Chest x-ray and BNP today.
"""
    found = codes(note)
    assert "R06.02" in found
