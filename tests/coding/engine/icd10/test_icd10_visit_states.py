"""Visit and hospital problem lists: a state told in the next sentence ("Hypotension.
Resolved."), a lone doubt word ("Depression, possibly."), the admitting diagnosis of a
discharge summary, temporary insulin, chronic conditions written as history, plural symptom
words, infections and poisonings named the way clinicians write them."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_HPI = (
    "CHIEF COMPLAINT: Follow up.\n"
    "HISTORY OF PRESENT ILLNESS: A 62-year-old woman seen for follow up of several chronic "
    "problems. She reports feeling tired but otherwise well.\n"
)


def codes(assessment: str, **kw: Any) -> list[str]:
    note = _HPI + "ASSESSMENT AND PLAN:\n" + assessment
    return [d["code"] for d in code_diagnoses(analyze(note), **kw)]


def test_a_resolved_problem_is_not_coded_and_a_state_refines_its_diagnosis() -> None:
    found = codes(
        "1. Hypotension. Resolved, continue intravenous fluids.\n"
        "2. Type 2 diabetes. Uncontrolled. Continue metformin.\n"
    )
    assert "I95.9" not in found
    assert "E11.65" in found


def test_a_next_sentence_naming_another_diagnosis_is_no_state() -> None:
    found = codes("1. Hypertension. Stable angina.\n")
    assert {"I10", "I20.9"} <= set(found) or {"I10", "I20.8"} <= set(found)


def test_a_lone_doubt_word_makes_the_diagnosis_uncertain() -> None:
    found = codes("1. Osteoporosis.\n2. Depression, possibly. Restart sertraline.\n")
    assert "M81.0" in found
    assert not any(c.startswith("F32") for c in found)
    assert "M62.838" not in codes("1. Chest pain, questionably coronary spasm.\n")


def test_hospital_sliding_scale_insulin_is_no_long_term_insulin() -> None:
    assert "Z79.4" not in codes(
        "1. Type 2 diabetes. Continue insulin sliding scale while in the hospital.\n"
    )
    assert "Z79.4" in codes("1. Type 2 diabetes. Continue Lantus 20 units at bedtime.\n")


def test_an_unknown_history_is_no_diagnosis() -> None:
    found = codes(
        "1. Hyperglycemia. It is unknown whether the patient has a history of diabetes.\n"
    )
    assert found == ["R73.9"]


def test_chronic_conditions_written_as_history_are_current() -> None:
    found = codes(
        "1. History of bipolar disorder, stable on lithium.\n"
        "2. History of atrial fibrillation, rate controlled.\n"
    )
    assert "F31.9" in found
    assert "I48.91" in found
    # a past depressive episode is not assumed to be current
    assert not any(c.startswith("F32") for c in codes("1. History of depression.\n"))


def test_plural_symptoms_and_generalized_edema() -> None:
    assert codes("1. Myalgias.\n") == ["M79.10"]
    assert codes("1. Anasarca.\n") == ["R60.1"]


def test_a_discharge_summary_codes_the_discharge_diagnosis_not_the_admitting_one() -> None:
    note = (
        "ADMITTING DIAGNOSIS: Intractable migraine with aura.\n\n"
        "DISCHARGE DIAGNOSIS: Migraine with aura.\n\n"
        "SECONDARY DIAGNOSES:\n1. Anxiety disorder.\n2. History of tubal ligation.\n\n"
        "HOSPITAL COURSE: Admitted with a severe headache, treated and improved. Discharged "
        "home in good condition.\n"
    )
    found = [d["code"] for d in code_diagnoses(analyze(note))]
    assert "G43.109" in found
    assert "G43.119" not in found
    assert {"F41.9", "Z98.51"} <= set(found)
    # with no other diagnosis section the admitting diagnosis is what the note says
    alone = "ADMITTING DIAGNOSIS: Chest pain.\n\nHISTORY: Admitted for chest pain, discharged.\n"
    assert [d["code"] for d in code_diagnoses(analyze(alone))] == ["R07.9"]


def test_infections_and_heparin_induced_thrombocytopenia() -> None:
    found = codes(
        "1. Disseminated CMV infection.\n2. Heparin-induced thrombocytopenia.\n"
        "3. Polymyositis on immunosuppressive therapy (methotrexate and prednisone).\n"
    )
    assert {"B25.8", "D75.829", "M33.20"} <= set(found)
    assert "D69.59" not in found
    assert "B25.0" in codes("1. Cytomegalovirus pneumonitis.\n")


def test_chronic_hepatitis_c_named_twice_is_one_code() -> None:
    found = codes("1. Hepatitis C, chronic.\n2. Hepatitis C with stable transaminases.\n")
    assert "B18.2" in found
    assert "B19.20" not in found


def test_poisonings_take_their_intent() -> None:
    found = codes("1. Cocaine overdose.\n2. Cardiac arrest.\n")
    assert {"T40.5X1A", "I46.9"} <= set(found)
    found = codes("1. Intentional acetaminophen overdose, suicide attempt.\n")
    assert "T39.1X2A" in found
    assert "T14.91XA" not in found


def test_operative_blood_loss_anemia_is_acute_and_sepsis_takes_its_source_organism() -> None:
    assert "D62" in codes("1. Anemia due to operative blood loss, no transfusion needed.\n")
    assert "D50.0" in codes("1. Chronic blood loss anemia.\n")
    found = codes(
        "1. Sepsis due to urinary tract infection. Urine culture grew Escherichia coli.\n"
    )
    assert "A41.51" in found
    assert "A41.9" not in found


def test_an_existing_feeding_tube_is_a_status_told_anywhere() -> None:
    note = (
        "HISTORY OF PRESENT ILLNESS: A 10-week-old girl who has a gastrostomy tube in place "
        "and a J-tube in place, admitted with vomiting.\n"
        "DISCHARGE DIAGNOSES:\n1. Gastroesophageal reflux.\n"
    )
    found = [d["code"] for d in code_diagnoses(analyze(note))]
    assert {"K21.9", "Z93.1", "Z93.4"} <= set(found)


def test_leg_edema_is_part_of_anasarca() -> None:
    found = codes("1. Anasarca.\n2. Lower extremity edema due to hypoalbuminemia.\n")
    assert "R60.1" in found
    assert "R60.0" not in found


def _visit(complaint: str, assessment: str) -> list[str]:
    note = (
        f"CHIEF COMPLAINT: {complaint}\n"
        "HISTORY OF PRESENT ILLNESS: A 58-year-old man seen in the clinic today. He reports the "
        "complaints started two weeks ago.\n"
        f"ASSESSMENT:\n{assessment}\nPLAN: Holter monitor and return in two weeks.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_complaints_are_reported_when_the_assessment_names_only_a_symptom() -> None:
    found = _visit("Dizziness and palpitations.", "Dizziness, cause unclear.")
    assert "R42" in found
    assert "R00.2" in found


def test_complaints_stay_integral_when_the_assessment_names_a_condition() -> None:
    found = _visit("Dizziness and palpitations.", "Paroxysmal atrial fibrillation.")
    assert "I48.0" in found
    assert "R00.2" not in found


def test_abnormal_results_named_as_problems() -> None:
    assert "R74.8" in codes("1. Elevated lipase, pancreatitis not confirmed on imaging.\n")
    assert "R79.1" in codes("1. Prolonged prothrombin time. Repeat in the morning.\n")
    assert "R45.4" in codes("1. Irritability. Sleep hygiene discussed.\n")


def test_irritability_is_part_of_a_mood_disorder() -> None:
    found = codes("1. Bipolar disorder, currently manic, with irritability.\n")
    assert "R45.4" not in found
    assert any(c.startswith("F31") for c in found)


def test_reasons_for_a_study_in_clinical_wording() -> None:
    assert "R94.39" in codes("1. Abnormal adenosine stress test. Schedule catheterization.\n")
    assert "R60.0" in codes("1. Bilateral leg swelling. Venous duplex ordered.\n")
    assert "R09.02" in codes("1. Low oxygen saturation on room air. Chest CT ordered.\n")
    assert "R94.39" not in codes("1. Chest pain. Normal stress test last year.\n")


def test_a_brain_lobe_mass_is_intracranial_and_a_lung_lobe_mass_pulmonary() -> None:
    assert "R90.0" in codes("1. Enhancing mass in the left frontal lobe. MRI with contrast.\n")
    assert "R91.8" not in codes("1. Enhancing mass in the left frontal lobe. MRI with contrast.\n")
    assert "R91.8" in codes("1. Right upper lobe mass. CT-guided biopsy.\n")
    assert "R91.8" in codes("1. Mass in the left lower lobe. Bronchoscopy.\n")
