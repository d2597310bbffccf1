"""Diagnoses of visits and consults written as problem lists: assessment headings that are not
spelled the usual way, numbered problem-oriented plans, "X likely secondary to Y", and the
circulatory / blood / urology phrasings clinicians commonly use in them."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str, **kw: Any) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note), **kw)]


def test_an_assessment_heading_with_other_words_is_still_the_assessment() -> None:
    note = (
        "HISTORY OF PRESENT ILLNESS: Brought in by ambulance, hypotensive.\n"
        "ASSESSMENT AND EVALUATION:\n1. Septic shock.\n2. Acute renal failure.\n"
    )
    assert set(codes(note)) == {"R65.21", "A41.9", "N17.9"}


def test_a_fall_risk_assessment_is_no_diagnosis_list() -> None:
    note = (
        "CHIEF COMPLAINT: Cough.\nFALL RISK ASSESSMENT: Completed, no history of falls.\n"
        "ASSESSMENT: Acute bronchitis.\n"
    )
    assert codes(note) == ["J20.9"]


def test_the_condition_is_certain_when_only_its_cause_is_likely() -> None:
    note = (
        "HISTORY: Follow up of kidney disease.\n"
        "IMPRESSION: Stage IV chronic kidney disease likely secondary to diabetic nephropathy.\n"
    )
    assert "N18.4" in codes(note)
    # the uncertain diagnosis alone is still not coded
    assert codes("IMPRESSION: Right lower lobe opacity, likely pneumonia.\n") == ["R91.8"]


def test_numbered_plan_items_name_the_problems_addressed() -> None:
    note = (
        "HISTORY OF PRESENT ILLNESS: Follow up in the renal clinic.\n"
        "IMPRESSION: Chronic kidney disease stage 3.\n"
        "RECOMMENDATIONS:\n"
        "1. Hypertension. I have added amlodipine 5 mg daily.\n"
        "2. Hyperkalemia. Low-potassium diet, recheck in one week.\n"
        "3. Check HIV and hepatitis serologies.\n"
        "4. Encouraged weight loss.\n"
    )
    found = codes(note)
    assert set(found) == {"I12.9", "N18.30", "E87.5"}  # no B20 from a test, no R63.4


def test_bacteremia_is_a_finding_not_sepsis() -> None:
    note = "DISCHARGE DIAGNOSES:\n1. Gram-negative bacteremia.\n2. Pancytopenia.\n"
    assert codes(note)[0] == "R78.81"
    assert "A41.9" not in codes(note)


def test_obtuse_marginal_om_is_no_ear_infection_and_occluded_arteries_are_cad() -> None:
    note = (
        "PROCEDURE: Left heart catheterization with coronary and graft angiography.\n"
        "SUMMARY OF RESULTS:\n"
        "1. Occluded native right coronary and left anterior descending arteries.\n"
        "2. Widely patent saphenous vein graft to the OM.\n"
    )
    found = codes(note)
    assert "I25.10" in found and "Z95.1" in found
    assert not any(c.startswith("H66") for c in found)


def test_kind_of_pneumothorax_wins_over_its_cause() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right spontaneous pneumothorax secondary to emphysema.\n"
        "PROCEDURE: Chest tube insertion.\n"
    )
    assert codes(note)[0] == "J93.12"
    assert not any(c.startswith("S27") for c in codes(note))


def test_blood_and_heart_phrasings() -> None:
    assert codes("ASSESSMENT: MGUS, stable M-spike.\n") == ["D47.2"]
    assert codes("CHIEF COMPLAINT: Follow up.\nASSESSMENT: Polycythemia rubra vera.\n") == ["D45"]
    assert codes("DIAGNOSES:\n1. Diastolic dysfunction.\n2. Valvular heart disease.\n") == [
        "I51.89",
        "I38",
    ]
    # a replaced valve: the prosthesis status, not the valve disease
    assert "I38" not in codes(
        "DIAGNOSES: Valvular heart disease, status post aortic valve replacement.\n"
    )


def test_torsion_of_the_appendix_testis_is_not_testicular_torsion() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right torsed appendix testis.\n"
        "PROCEDURE: Scrotal exploration and excision of the appendix testis.\n"
    )
    assert codes(note) == ["N44.03"]


def test_history_of_a_chronic_condition_in_an_assessment_is_current() -> None:
    note = (
        "CHIEF COMPLAINT: Follow up.\n"
        "ASSESSMENT:\n1. History of hypertension, on lisinopril.\n"
        "2. History of breast cancer.\n3. No prior history of coronary artery disease.\n"
    )
    assert codes(note) == ["I10", "Z85.3"]
    # in the past medical history it stays history (not read as a diagnosis)
    assert "I10" not in codes(
        "PAST MEDICAL HISTORY: History of hypertension.\nASSESSMENT: Acute bronchitis.\n"
    )


def test_chest_pain_kinds_follow_the_index() -> None:
    assert codes("CHIEF COMPLAINT: Chest pain.\nASSESSMENT: Chest pain.\n") == ["R07.9"]
    assert codes("CHIEF COMPLAINT: Chest pain.\nASSESSMENT: Atypical chest pain.\n") == ["R07.89"]
    assert codes("INDICATION: Chest discomfort.\nIMPRESSION: Normal stress test.\n") == ["R07.89"]
    assert codes("CHIEF COMPLAINT: Chest pain.\nASSESSMENT: Pleuritic chest pain.\n") == ["R07.81"]


def test_bleeding_stays_reportable_with_a_lesion_coded_without_bleeding() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Iron deficiency anemia due to chronic blood loss.\n"
        "POSTOPERATIVE DIAGNOSES:\n1. Fundal gastritis with polyps.\n2. Hiatal hernia.\n"
        "PROCEDURE: EGD with biopsy.\n"
    )
    found = codes(note)
    assert {"K31.7", "K29.70", "K44.9", "D50.0"} <= set(found)
    # occult blood is still explained by the gastritis found
    occult = (
        "PREOPERATIVE DIAGNOSIS: Heme-positive stool.\n"
        "POSTOPERATIVE DIAGNOSIS: Antral gastritis.\nPROCEDURE: EGD with biopsy.\n"
    )
    assert codes(occult) == ["K29.70"]


def test_the_organism_is_coded_with_its_infection() -> None:
    head = "CHIEF COMPLAINT: Fever.\nHISTORY OF PRESENT ILLNESS: Admitted with fever.\n"
    found = codes(
        head + "DISCHARGE DIAGNOSES:\n1. Urinary tract infection secondary to Enterococcus.\n"
        "2. Sepsis due to E. coli.\n"
    )
    # the organism of the sepsis is in the sepsis code; the UTI's organism follows the UTI
    assert found == ["N39.0", "B95.2", "A41.51"]
    assert codes(head + "ASSESSMENT: Pseudomonas pneumonia.\n") == ["J15.1"]
    assert codes(head + "ASSESSMENT: MRSA cellulitis of the left leg.\n") == ["L03.116", "B95.62"]
    assert codes(head + "ASSESSMENT:\n1. Pneumonia.\n2. MRSA colonization.\n") == [
        "J18.9",
        "Z22.322",
    ]


def test_assorted_phrasings_of_visit_lists() -> None:
    head = "CHIEF COMPLAINT: Follow up.\nHISTORY OF PRESENT ILLNESS: Follow up visit.\n"
    found = codes(
        head + "ASSESSMENT:\n1. Status post right knee replacement.\n"
        "2. Perhaps a very subtle tremor.\n3. Yeast thrush.\n"
        "4. Clostridium difficile enteritis, improved.\n"
    )
    # the side inside the matched words; 'perhaps' is uncertain; one code for C. diff
    assert found == ["B37.0", "A04.72", "Z96.651"]
    assert codes(head + "IMPRESSION: Q-fever endocarditis.\n") == ["A78", "I39"]
    # a biliary stent is no coronary stent
    assert "Z95.5" not in codes(
        head + "ASSESSMENT: Pancreatic mass. Previous biliary stent was present.\n"
    )
    assert "Z95.5" in codes(head + "ASSESSMENT: Coronary artery disease, status post PCI.\n")


def test_lateral_lobe_obstruction_is_bph_with_obstruction() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Microscopic hematuria.\n"
        "POSTOPERATIVE DIAGNOSIS: Microscopic hematuria with lateral lobe obstruction.\n"
        "PROCEDURE: Flexible cystoscopy.\n"
    )
    assert codes(note) == ["R31.29", "N40.1"]


def test_an_operation_with_no_diagnosis_is_coded_from_its_title() -> None:
    note = (
        "PROCEDURE: Laparoscopic umbilical hernia repair.\n"
        "DESCRIPTION OF PROCEDURE: The abdomen was prepped and draped. The fascial defect "
        "was closed with interrupted sutures.\n"
    )
    assert codes(note) == ["K42.9"]
    # a stated diagnosis still wins over the title
    stated = "POSTOPERATIVE DIAGNOSIS: Incarcerated umbilical hernia.\n" + note
    assert codes(stated) != [] and "K42.9" not in codes(stated)


def test_a_studys_clinical_history_is_its_reason() -> None:
    note = (
        "EXAM: Barium enema.\n"
        "CLINICAL HISTORY: A 4-year-old boy with a history of constipation.\n"
        "FINDINGS: Normal caliber colon without obstruction.\n"
        "IMPRESSION: Normal barium enema.\n"
    )
    assert codes(note) == ["K59.00"]
    # a past cancer in the history is still its personal-history code
    mammo = (
        "EXAM: Diagnostic mammogram.\nHISTORY: History of right breast cancer.\n"
        "FINDINGS: Postsurgical changes.\nIMPRESSION: Benign findings.\n"
    )
    assert "Z85.3" in codes(mammo)


def test_a_history_and_physical_without_assessment_codes_its_opening_reason() -> None:
    note = (
        "HISTORY OF PRESENT ILLNESS: The patient is a 70-year-old woman here because of "
        "recently discovered microscopic hematuria. She has no flank pain.\n"
        "PAST MEDICAL HISTORY: Hypertension.\n"
        "PHYSICAL EXAMINATION: Unremarkable.\n"
    )
    # the reason first; with no assessment, the chronic condition of the history coexists
    assert codes(note) == ["R31.29", "I10"]


def test_a_repeated_qualifier_marks_only_its_own_items() -> None:
    head = "CHIEF COMPLAINT: Abdominal pain.\nHISTORY OF PRESENT ILLNESS: Admitted.\n"
    found = codes(
        head + "ASSESSMENT: Possible ischemic colitis with possible metastatic disease, "
        "acute renal failure, anemia.\n"
    )
    assert "N17.9" in found and "D64.9" in found
    # one cue at the head of a list still covers the list
    # (the chief complaint is coded instead)
    assert codes(head + "ASSESSMENT: Rule out esophagitis, gastritis, and ulcer disease.\n") == [
        "R10.9"
    ]


def test_report_findings_phrasings() -> None:
    head = "CHIEF COMPLAINT: Chest pain.\nHISTORY OF PRESENT ILLNESS: Admitted.\n"
    assert codes(head + "ASSESSMENT: Non-Q-wave MI with elevation of troponin.\n") == ["I21.4"]
    # an abnormal result names no condition, so the chest pain complaint is reported beside it
    assert codes(head + "ASSESSMENT: Elevated troponin, no infarction on catheterization.\n") == [
        "R79.89",
        "R07.9",
    ]
    ct = (
        "EXAM: CT abdomen.\n"
        "IMPRESSION:\n1. Dilated common bile duct.\n2. Two cystic renal lesions.\n"
    )
    assert codes(ct) == ["K83.8", "N28.1"]


def test_a_past_stroke_with_a_deficit_is_its_sequela() -> None:
    head = "CHIEF COMPLAINT: Follow up.\nHISTORY OF PRESENT ILLNESS: Follow up visit.\n"
    assert codes(head + "DIAGNOSES:\n1. Status post stroke with residual left hemiparesis.\n") == [
        "I69.354"
    ]
    assert codes(head + "DIAGNOSES:\n1. Aphasia following a stroke in 2010.\n") == ["I69.320"]
    assert codes(head + "DIAGNOSES:\n1. History of stroke.\n") == ["Z86.73"]


def test_removed_organs_are_status_codes() -> None:
    head = "CHIEF COMPLAINT: Follow up.\nHISTORY OF PRESENT ILLNESS: Follow up visit.\n"
    found = codes(
        head + "DIAGNOSES:\n1. Cataract status post cataract surgery.\n2. Hypertension.\n"
    )
    assert found == ["I10", "Z98.49"]  # not the cataract itself
    assert codes(head + "DIAGNOSES:\n1. Remote history of right nephrectomy.\n") == ["Z90.5"]


def test_a_long_indication_sentence_gives_its_curated_diagnoses() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Need for intravenous access.\n"
        "POSTOPERATIVE DIAGNOSIS: Need for intravenous access.\n"
        "PROCEDURE: Insertion of a right femoral triple lumen catheter.\n"
        "INDICATIONS: The patient is an 80-year-old woman admitted for drainage around an old "
        "feeding tube site who is also ventilator-dependent with a tracheostomy in place and "
        "needs parenteral nutrition because of dysphagia, and therefore needs central venous "
        "access.\n"
    )
    found = codes(note)
    assert {"Z99.11", "Z93.0"} <= set(found)


def test_a_mass_is_coded_to_its_site() -> None:
    head = "CHIEF COMPLAINT: Mass.\nHISTORY OF PRESENT ILLNESS: Referred for a mass.\n"
    assert codes(head + "IMPRESSION: Bilateral axillary masses.\n") == ["R22.33"]
    assert codes(head + "IMPRESSION: Right hyoid mass.\n") == ["R22.1"]
    assert codes(head + "IMPRESSION: Epiglottic mass lesion.\n") == ["J38.7"]
