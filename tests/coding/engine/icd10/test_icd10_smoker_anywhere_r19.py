"""ICD-10-CM: a current smoker is nicotine dependence wherever the note tells it (risk factors,
social history, the narrative), unspecified product unless the note says cigarettes (index:
Smoker - see Dependence, drug, nicotine F17.200; cigarettes F17.210). Synthetic notes written
for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def visit(social: str) -> str:
    return (
        "HISTORY OF PRESENT ILLNESS: A 52-year-old woman with a week of cough.\n"
        f"SOCIAL HISTORY: {social}\n"
        "ASSESSMENT: Acute bronchitis.\n"
    )


def test_an_active_smoker_in_the_social_history() -> None:
    assert codes(visit("Active smoker. No alcohol.")) == ["J20.9", "F17.200"]


def test_a_smoker_who_keeps_smoking_cigarettes() -> None:
    assert codes(visit("She continues to smoke a pack of cigarettes a day.")) == [
        "J20.9",
        "F17.210",
    ]


def test_continued_smoking_told_in_a_procedure_narrative() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Chronic obstructive pulmonary disease.\n"
        "PROCEDURE: Flexible bronchoscopy.\n"
        "DESCRIPTION: The scope was passed to the subsegments. After the procedure the patient "
        "admitted to continued smoking and was counseled to stop.\n"
    )
    assert codes(note) == ["J44.9", "F17.200"]


def test_no_current_smoking_is_not_coded() -> None:
    assert codes(visit("Current smoking status: never smoker.")) == ["J20.9"]
    assert codes(visit("Denies current smoking.")) == ["J20.9"]
    assert codes(visit("She quit smoking 20 years ago.")) == ["J20.9"]


def test_a_past_habit_a_form_answer_or_someone_elses_smoking_is_not_coded() -> None:
    assert codes(visit("Former daily smoker, quit in 2010.")) == ["J20.9"]
    assert codes(visit("Current smoker: No. Alcohol: rarely.")) == ["J20.9"]
    assert codes(visit("Her husband continues to smoke in the house.")) == ["J20.9"]
