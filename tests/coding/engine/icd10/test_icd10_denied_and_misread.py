"""ICD-10-CM precision: conditions a note names without giving them to the patient - a test
for an infection or a metastasis told negative, a word that is a body part or a thing and
also an abbreviation of a disease. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_a_test_told_negative_after_the_infection_it_looks_for_denies_it() -> None:
    assert codes(
        "ASSESSMENT:\n1. Hepatitis C and HIV, both of which were negative.\n2. Hypertension.\n"
    ) == ["I10"]
    assert "B20" not in codes(
        "HISTORY: HIV 1 titer was negative.\nIMPRESSION: Generalized seizure disorder.\n"
    )
    assert codes(
        "ASSESSMENT: Breast cancer. The patient had a metastatic workup, which was negative.\n"
    ) == ["C50.919"]


def test_the_infection_stays_when_the_negative_test_is_another_item_or_the_diagnosis_is_made() -> (
    None
):
    # culture-negative sepsis is still sepsis: the comma opens another item
    assert codes("ASSESSMENT: Sepsis, blood cultures were negative.\n") == ["A41.9"]
    assert codes("ASSESSMENT: HIV disease, stable on antiretroviral therapy.\n") == ["B20"]
    # a symptom is not denied by a test for its cause
    assert codes("ASSESSMENT: Chest pain, troponins were negative.\n") == ["R07.9"]


def test_pad_as_a_body_part_or_a_device_is_not_peripheral_arterial_disease() -> None:
    assert "I73.9" not in codes(
        "ASSESSMENT:\n1. Cellulitis of the abdominal wall below a prominent suprapubic fat pad.\n"
    )
    assert codes("DIAGNOSIS: Defibrillator pad placement for cardiac monitoring.\n") == []
    assert codes("ASSESSMENT: PAD with claudication of the calves.\n") == ["I73.9"]


def test_a_relative_as_the_subject_has_the_condition_not_the_patient() -> None:
    assert codes(
        "HISTORY: He wants to donate a kidney to his mother who is on dialysis.\n"
        "ASSESSMENT: Hypertension.\n"
    ) == ["I10"]
    assert codes(
        "HISTORY: He worries because his mother and father were both on dialysis.\n"
        "ASSESSMENT: Hypertension.\n"
    ) == ["I10"]
    assert "Z86.0100" not in codes(
        "IMPRESSION: A 50-year-old woman whose sister has a history of multiple colon polyps.\n"
    )
    assert codes("ASSESSMENT: End-stage renal disease on dialysis.\n") == ["N18.6", "Z99.2"]


def test_a_vaccine_or_remedy_named_by_its_disease_is_not_the_disease() -> None:
    assert codes(
        "ASSESSMENT:\n1. Type 2 diabetes mellitus.\n2. Health maintenance, flu vaccination today.\n"
    ) == ["E11.9", "Z23"]
    assert "R05.9" not in codes(
        "IMPRESSION: Atrial fibrillation. I offered him a cough syrup, which he agreed to take.\n"
    )


def test_weight_lost_on_purpose_is_no_abnormal_weight_loss() -> None:
    assert codes(
        "IMPRESSION: Obstructive sleep apnea. Suggest weight loss and a CPAP titration study.\n"
    ) == ["G47.33"]
    assert codes("ASSESSMENT: Unintentional weight loss.\n") == ["R63.4"]
    assert codes("ASSESSMENT: Pancreatic cancer with weight loss.\n") == ["C25.9", "R63.4"]


def test_a_work_up_for_a_condition_is_no_diagnosis_of_it() -> None:
    assert codes(
        "ASSESSMENT: Anemia. We will discuss with the family before any workup for myeloma.\n"
    ) == ["D64.9"]


def test_admitting_symptoms_the_discharge_diagnoses_do_not_name_are_not_coded() -> None:
    note = (
        "ADMITTING DIAGNOSES:\n1. Dizziness.\n2. Abdominal pain.\n3. History of breast cancer.\n"
        "DISCHARGE DIAGNOSES:\n1. Urinary tract infection.\n2. Hypertension.\n"
        "HOSPITAL COURSE: She was treated with antibiotics and improved.\n"
    )
    got = codes(note)
    assert "R42" not in got and "R10.9" not in got
    assert {"N39.0", "I10", "Z85.3"} <= set(got)


def test_a_symptom_told_in_a_story_sentence_of_an_operative_note_is_integral() -> None:
    story = (
        "PREOPERATIVE DIAGNOSIS: Acute appendicitis.\n"
        "POSTOPERATIVE DIAGNOSIS: Acute appendicitis.\n"
        "PROCEDURE: Laparoscopic appendectomy.\n"
        "INDICATIONS: He required several boluses of fluid for tachycardia.\n"
        "DESCRIPTION: The appendix was inflamed and was removed.\n"
    )
    assert codes(story) == ["K35.80"]
    listed = (
        "PREOPERATIVE DIAGNOSIS: Hematuria.\n"
        "POSTOPERATIVE DIAGNOSIS: Bladder diverticulum.\n"
        "PROCEDURE: Cystoscopy.\n"
        "INDICATIONS: Gross hematuria.\n"
        "DESCRIPTION: The cystoscope was passed. A diverticulum was seen on the left wall.\n"
    )
    assert codes(listed) == ["N32.3", "R31.0"]


def test_a_reports_hedge_is_no_diagnosis() -> None:
    assert "I27.20" not in codes(
        "IMPRESSION: Enlargement of the main pulmonary artery as can be seen with pulmonary "
        "arterial hypertension.\n"
    )
    assert codes("IMPRESSION: Diffuse aspiration pneumonitis suggested.\n") == []
    assert "T78.40XA" not in codes(
        "ASSESSMENT: The patient has what looks to be some type of allergic reaction.\n"
    )


def test_pacs_the_picture_archive_is_not_premature_atrial_contractions() -> None:
    assert codes("IMPRESSION:\n1. Normal coronary arteries.\n2. Report was saved to PACS.\n") == []
    assert codes("IMPRESSION: Normal sinus rhythm with frequent PACs.\n") == ["I49.1"]


def test_what_the_patient_is_watched_for_or_suspected_of_is_no_diagnosis() -> None:
    assert "N39.0" not in codes(
        "ASSESSMENT:\n1. Jaundice of the newborn.\n2. The infant will be followed up for signs "
        "of sepsis, apnea, urinary tract infection and pneumonia.\n"
    )
    assert codes(
        "IMPRESSION: Low back pain. There was enough of a suspicion of drop metastasis that an "
        "MRI of the lumbar spine was obtained.\n"
    ) == ["M54.50"]
    # an observation stay for a symptom keeps the symptom
    assert codes("ASSESSMENT: Chest pain. Observation for chest pain overnight.\n") == ["R07.9"]


def test_a_denied_class_denies_the_members_named_after_such_as() -> None:
    assert codes(
        "ASSESSMENT: Hypertension. He does not have any obvious metabolic abnormalities such as "
        "hypocalcemia, hypomagnesemia, or hypokalemia.\n"
    ) == ["I10"]


def test_family_history_that_names_no_condition_is_no_family_history_code() -> None:
    assert codes(
        "CHIEF COMPLAINT: Left arm numbness. Past medical and family histories are unremarkable.\n"
    ) == ["R20.0"]
    assert codes("ASSESSMENT: Family history of sudden cardiac death.\n") == ["Z82.41"]


def test_urinary_symptoms_of_an_enlarged_prostate_stay_even_when_told_as_a_story() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Benign prostatic hyperplasia with obstruction.\n"
        "POSTOPERATIVE DIAGNOSIS: Benign prostatic hyperplasia with obstruction.\n"
        "PROCEDURE: Transurethral resection of the prostate.\n"
        "INDICATIONS: He was started on tamsulosin with some help, but had nocturia.\n"
        "DESCRIPTION: The resectoscope was passed and the lateral lobes were resected.\n"
    )
    assert codes(note) == ["N40.1", "R35.1"]
