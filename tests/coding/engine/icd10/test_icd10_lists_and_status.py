"""Diagnosis lists, status codes and guideline pairs through the ICD-10-CM coder.

Short synthetic notes; each test names the convention it checks.
"""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

# a short visit opening: a note of a few words only is read as too little to code
VISIT = (
    "HISTORY OF PRESENT ILLNESS: The patient is seen today in the office for follow up and "
    "reports feeling about the same as at the last visit.\n"
)


def codes(note: str, **kw: Any) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note), **kw)]


def test_a_problem_list_heading_is_a_diagnosis_list() -> None:
    note = (
        "PROBLEM LIST:\n1. Gastroesophageal reflux disease.\n2. Essential hypertension.\n"
        "HISTORY OF PRESENT ILLNESS: Returns for a six month visit, feels well.\n"
        "PLAN: Continue omeprazole and lisinopril.\n"
    )
    found = codes(note)
    assert "K21.9" in found and "I10" in found


def test_non_insulin_dependent_diabetes_is_not_long_term_insulin() -> None:
    note = (
        "ASSESSMENT:\n1. Non-insulin-dependent diabetes mellitus, controlled on diet.\n"
        "2. Hypertension.\nPLAN: Recheck A1c in three months.\n"
    )
    found = codes(note)
    assert "E11.9" in found and "Z79.4" not in found
    on_insulin = codes("ASSESSMENT: Type 2 diabetes mellitus on insulin glargine.\n")
    assert "Z79.4" in on_insulin


def test_a_referral_for_cardiac_catheterization_is_not_a_stent() -> None:
    note = (
        "ASSESSMENT: Chest pain on exertion. The patient has been referred for cardiac "
        "catheterization next week.\n"
    )
    assert "Z95.5" not in codes(note)
    stents = "ASSESSMENT: Coronary artery disease. He has had two coronary stents.\n"
    assert "Z95.5" in codes(stents)


def test_bile_duct_stones_with_acute_cholecystitis_are_one_k80_4_code() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSES:\n1. Acute cholecystitis.\n2. Choledocholithiasis.\n"
        "PROCEDURE: Laparoscopic cholecystectomy with common bile duct exploration.\n"
    )
    found = codes(note)
    assert "K80.42" in found and "K81.0" not in found and "K80.50" not in found


def test_a_pacemaker_generator_change_replaces_the_pacemaker_status() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Pacemaker battery at elective replacement indicator.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\nHISTORY: Complete heart block, has a pacemaker.\n"
        "PROCEDURE: Pacemaker generator change.\n"
    )
    found = codes(note)
    assert "Z45.010" in found and "Z95.0" not in found


def test_pleural_effusion_with_heart_failure_is_j91_8() -> None:
    note = "ASSESSMENT:\n1. Congestive heart failure.\n2. Right pleural effusion.\n"
    found = codes(note)
    assert "J91.8" in found and "J90" not in found


def test_alzheimer_disease_is_coded_with_its_dementia_and_stage() -> None:
    found = codes(f"{VISIT}ASSESSMENT:\n1. Alzheimer's dementia.\n2. Hypertension.\n")
    assert "G30.9" in found and "F02.80" in found and "F03.90" not in found
    staged = codes(f"{VISIT}ASSESSMENT:\n1. Alzheimer disease with moderate dementia.\n")
    assert "G30.9" in staged and "F02.B0" in staged
    mild = codes(f"{VISIT}ASSESSMENT:\n1. Mild dementia, senile type.\n")
    assert "F03.A0" in mild


def test_prostate_cancer_explains_the_elevated_psa() -> None:
    note = "DIAGNOSES:\n1. Adenocarcinoma of the prostate.\n2. Elevated PSA.\n"
    found = codes(note, patient={"sex": "male", "age": 64})
    assert "C61" in found and "R97.20" not in found


def test_history_of_pyelonephritis_is_a_history_of_urinary_infection() -> None:
    found = codes("ASSESSMENT:\n1. Hematuria.\n2. History of pyelonephritis.\n")
    assert "Z87.440" in found


def test_named_conditions_of_several_chapters() -> None:
    cases = {
        "Hypertensive emergency.": "I16.1",
        "Hypertensive urgency.": "I16.0",
        "Innocent heart murmur.": "R01.0",
        "Fifth disease.": "B08.3",
        "Teething.": "K00.7",
        "Lipoid pneumonia from aspiration of mineral oil.": "J69.1",
        "Squamous cell carcinoma of the glottis.": "C32.0",
        "Supraglottic squamous cell carcinoma.": "C32.1",
        "Squamous cell carcinoma of the nasal septum.": "C30.0",
        "Brain tumor, awaiting biopsy.": "D49.6",
    }
    for statement, code in cases.items():
        assert code in codes(f"{VISIT}ASSESSMENT: {statement}\n"), statement


def test_postoperative_ileus_is_a_postprocedural_complication_with_the_ileus() -> None:
    found = codes("ASSESSMENT: Postoperative ileus after colectomy, improving.\n")
    assert "K91.89" in found and "K56.7" in found and "K56.0" not in found


def test_status_codes_from_the_history_and_medication_list() -> None:
    note = (
        "HISTORY OF PRESENT ILLNESS: She has an artificial aortic valve and is status post "
        "bilateral total knee replacements. She had a left BKA in 2019.\n"
        "MEDICATIONS: Coumadin 5 mg daily, lisinopril 10 mg daily.\n"
        "ASSESSMENT: Hypertension.\n"
    )
    found = codes(note)
    for code in ("Z95.2", "Z96.653", "Z89.512", "Z79.01"):
        assert code in found, code


def test_an_amputation_done_at_this_operation_is_not_a_status() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Gangrene of the left foot.\n"
        "PROCEDURE: Left below-the-knee amputation.\n"
    )
    assert not any(c.startswith("Z89") for c in codes(note))


def test_hyperemesis_with_dehydration_is_o21_1() -> None:
    note = "ASSESSMENT: Hyperemesis gravidarum with dehydration at 9 weeks gestation.\n"
    assert "O21.1" in codes(note, patient={"sex": "female", "age": 25})


def test_a_past_clause_after_a_comma_leaves_the_current_diagnosis_and_its_side() -> None:
    note = (
        "DISCHARGE DIAGNOSES:\n1. Carotid artery stenosis, status post left carotid "
        "endarterectomy in 2011.\n2. Essential hypertension.\n"
    )
    found = codes(note)
    assert "I65.29" in found and "I65.22" not in found and "I10" in found


def test_a_failed_procedure_does_not_undo_the_condition_it_treated() -> None:
    note = "IMPRESSION: Failed electrical cardioversion with persistent atrial fibrillation.\n"
    assert any(c.startswith("I48.1") for c in codes(note))


def test_a_mitral_stenosis_of_unstated_origin_is_rheumatic_and_combines_by_valve() -> None:
    assert codes("IMPRESSION: Moderate mitral stenosis.\n") == ["I05.0"]
    assert codes("IMPRESSION: Nonrheumatic mitral stenosis.\n") == ["I34.2"]
    assert codes("IMPRESSION: Mitral stenosis with mild mitral regurgitation.\n") == ["I05.2"]
    both = "IMPRESSION:\n1. Mitral stenosis.\n2. Moderate aortic stenosis.\n"
    assert codes(both) == ["I08.0"]
