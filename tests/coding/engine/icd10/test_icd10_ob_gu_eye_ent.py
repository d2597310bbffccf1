"""Obstetric, genitourinary, eye and ENT/respiratory diagnoses through the ICD-10-CM coder.

Short synthetic notes; each test names the coding convention it checks (site and side of the
condition, stage as 7th character, trimester, status codes).
"""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str, **kw: Any) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note), **kw)]


FEMALE = {"sex": "female", "age": 34}
MALE = {"sex": "male", "age": 70}


def test_a_pregnancy_at_term_is_in_the_third_trimester() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES: Intrauterine pregnancy at term. Nonreassuring fetal heart "
        "tracing.\n"
        "POSTOPERATIVE DIAGNOSES: Same.\n"
        "PROCEDURE: Primary low transverse cesarean section.\n"
        "FINDINGS: Viable female infant, Apgars 8 and 9, normal tubes and ovaries.\n"
    )
    found = codes(note, patient=FEMALE)
    assert "O36.8330" in found and "Z37.0" in found


def test_preeclampsia_after_the_delivery_complicates_the_puerperium() -> None:
    note = (
        "REASON FOR CONSULTATION: Blood pressure management after a cesarean delivery.\n"
        "IMPRESSION: Preeclampsia, status post delivery, blood pressure remains poorly controlled "
        "on labetalol.\nPLAN: Add hydralazine and recheck blood pressure in the morning.\n"
    )
    assert codes(note, patient=FEMALE) == ["O14.95"]


def test_late_fetal_demise_is_maternal_care_for_intrauterine_death() -> None:
    note = (
        "ADMISSION DIAGNOSIS: Intrauterine fetal demise at 34 weeks gestation.\n"
        "PLAN: Induction of labor with oxytocin; social work and chaplain to see the patient.\n"
    )
    found = codes(note, patient=FEMALE)
    assert "O36.4XX0" in found and "O02.1" not in found


def test_endometriosis_takes_its_site_and_side_and_pain_is_not_a_site() -> None:
    ovary = "POSTOPERATIVE DIAGNOSIS: Endometriosis of the left ovary with endometrioma.\n"
    assert codes(ovary, patient=FEMALE) == ["N80.102"]
    pelvic_pain = "POSTOPERATIVE DIAGNOSIS: Stage IV endometriosis with severe pelvic pain.\n"
    assert codes(pelvic_pain, patient=FEMALE) == ["N80.9"]


def test_vulvar_melanoma_is_coded_to_the_vulva() -> None:
    note = "POSTOPERATIVE DIAGNOSIS: Recurrent vulvar melanoma.\nPROCEDURE: Wide local excision.\n"
    assert codes(note, patient=FEMALE) == ["C51.9"]


def test_pyelonephritis_not_called_acute_is_n12() -> None:
    note = (
        "DISCHARGE DIAGNOSES:\n1. Pyelonephritis.\n2. Hypertension.\n"
        "HOSPITAL COURSE: Admitted with fever and flank pain, treated with antibiotics.\n"
    )
    assert codes(note, patient=FEMALE)[0] == "N12"
    acute = note.replace("1. Pyelonephritis", "1. Acute pyelonephritis")
    assert codes(acute, patient=FEMALE)[0] == "N10"


def test_acute_on_chronic_renal_failure_reports_both() -> None:
    note = (
        "ASSESSMENT: Acute on chronic renal failure, creatinine up from baseline.\n"
        "PLAN: Hold the diuretic and recheck the basic metabolic panel tomorrow.\n"
    )
    found = codes(note, patient=MALE)
    assert "N17.9" in found and "N18.9" in found


def test_a_penoscrotal_abscess_is_inflammation_of_multiple_male_genital_sites() -> None:
    note = "POSTOPERATIVE DIAGNOSIS: Penoscrotal abscess.\nOPERATION: Incision and drainage.\n"
    assert codes(note, patient=MALE) == ["N49.8"]  # N49 excludes N48.2-


def test_eyelid_conditions_take_the_lid_and_the_side() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES:\n1. Entropion, left upper lid.\n2. Ectropion, right lower lid.\n"
        "PROCEDURE: Entropion and ectropion repair.\n"
    )
    assert codes(note, patient=MALE) == ["H02.004", "H02.102"]


def test_glaucoma_and_macular_degeneration_take_eye_and_stage() -> None:
    note = (
        "ASSESSMENT:\n1. Primary open angle glaucoma of the right eye, moderate stage.\n"
        "2. Dry age-related macular degeneration of the left eye with geographic atrophy "
        "sparing the fovea.\nPLAN: Continue latanoprost, return in three months.\n"
    )
    found = codes(note, patient=MALE)
    assert "H40.1112" in found and "H35.3123" in found


def test_chronic_uveitis_is_chronic_iridocyclitis_by_side() -> None:
    note = (
        "ASSESSMENT/PLAN: Chronic bilateral recurrent anterior uveitis, currently active. "
        "Start prednisolone acetate drops hourly and follow closely in clinic.\n"
    )
    assert codes(note, patient=FEMALE) == ["H20.13"]


def test_suppurative_otitis_media_without_rupture_and_adenoid_hyperplasia() -> None:
    note = (
        "IMPRESSION: Acute suppurative otitis media without spontaneous rupture, bilateral. "
        "Adenoid hyperplasia.\nPLAN: Myringotomy with tubes and adenoidectomy.\n"
    )
    assert codes(note, patient={"sex": "female", "age": 3}) == ["H66.003", "J35.2"]


def test_ventilator_dependent_failure_reports_the_dependence_status() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSES:\n1. Ventilator-dependent respiratory failure.\n"
        "2. Laryngeal edema.\n"
        "PROCEDURE PERFORMED: Tracheostomy tube change.\n"
    )
    found = codes(note, patient=FEMALE)
    assert {"J96.90", "Z99.11", "J38.4"} <= set(found)


def test_traumatic_pneumothorax_and_subcutaneous_emphysema_are_injuries() -> None:
    note = (
        "IMPRESSION: Subcutaneous emphysema and a small right pneumothorax secondary to trauma.\n"
        "RECOMMENDATIONS: Observation and repeat chest x-ray in the morning.\n"
    )
    found = codes(note, patient=MALE)
    assert "S27.0XXA" in found and "T79.7XXA" in found and "J43.9" not in found


def test_retinal_vein_occlusion_takes_the_vein_the_eye_and_its_status() -> None:
    # the 7th character: 0 with macular edema, 1 with neovascularization, 2 stable
    crvo = "ASSESSMENT: Central retinal vein occlusion, right eye, with macular edema.\n"
    assert codes(crvo) == ["H34.8110"]
    assert codes("ASSESSMENT: CRVO OS with retinal neovascularization.\n") == ["H34.8121"]
    # a branch vein occlusion is no branch artery occlusion (H34.23-)
    assert codes("ASSESSMENT: Branch retinal vein occlusion of the left eye, stable.\n") == [
        "H34.8322"
    ]
    # the edema told by the OCT elsewhere in the note
    note = (
        "ASSESSMENT: BRVO OD.\n"
        "FINDINGS: OCT of the right eye shows cystoid macular edema.\n"
        "PLAN: Intravitreal bevacizumab, right eye.\n"
    )
    assert codes(note)[0] == "H34.8310"


def test_a_repeat_low_transverse_cesarean_is_care_for_the_previous_scar() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Intrauterine pregnancy at 39 weeks.\n"
        "PROCEDURE: Repeat low-transverse cesarean section.\n"
    )
    assert "O34.211" in codes(note, patient=FEMALE)


def test_a_fever_after_the_operation_is_postprocedural() -> None:
    assert codes("ASSESSMENT: Febrile postoperatively, source not yet found.\n") == ["R50.82"]
    assert "R50.82" in codes("ASSESSMENT: Postoperative fever.\n")
    assert codes("ASSESSMENT: Fever and cough.\n")[0] == "R50.9"


def test_the_areds_category_gives_the_dry_macular_degeneration_stage() -> None:
    found = codes("IMPRESSION: Age-related macular degeneration, AREDS category 3, both eyes.\n")
    assert found == ["H35.3132"]
    assert codes("IMPRESSION: Macular degeneration category two, left eye.\n") == ["H35.3121"]


def test_adhesions_with_a_phimosis_are_of_the_prepuce_not_the_peritoneum() -> None:
    found = codes("PREOPERATIVE DIAGNOSIS: Phimosis and adhesions.\nPROCEDURE: Circumcision.\n")
    assert "N47.1" in found and "N47.5" in found and "K66.0" not in found
    assert codes("POSTOPERATIVE DIAGNOSIS: Penile adhesions.\n") == ["N47.5"]


def test_an_undescended_testis_in_an_ectopic_position_is_an_ectopic_testis() -> None:
    found = codes(
        "POSTOPERATIVE DIAGNOSES: Left undescended testis (ectopic position), left inguinal"
        " hernia.\nPROCEDURE: Left orchiopexy.\n"
    )
    assert "Q53.01" in found and "Q53.112" not in found
    found = codes("POSTOPERATIVE DIAGNOSIS: Bilateral undescended testes, ectopic.\n")
    assert "Q53.02" in found


def test_cervicitis_is_inflammatory_disease_of_the_cervix() -> None:
    assert codes("ASSESSMENT:\n1. Acute cervicitis.\nPLAN: Doxycycline.\n") == ["N72"]
    assert "N72" in codes("IMPRESSION:\nMucopurulent endocervicitis.\n")


def test_an_endometrial_cancer_named_by_its_cell_type_is_c54_1() -> None:
    assert codes("ASSESSMENT: Uterine papillary serous carcinoma, stage II.\n") == ["C54.1"]
    found = codes(
        "ASSESSMENT: History of uterine clear cell carcinoma treated three years ago with"
        " surgery and chemotherapy, no evidence of disease.\n"
    )
    assert "Z85.42" in found and "Z85.9" not in found


def test_a_chordee_with_a_hypospadias_is_not_coded_apart() -> None:
    # Q54.4 congenital chordee: "chordee without hypospadias"
    assert codes("POSTOPERATIVE DIAGNOSIS: Distal penile hypospadias with chordee.\n") == ["Q54.1"]
    assert codes("POSTOPERATIVE DIAGNOSIS: Congenital chordee.\n") == ["Q54.4"]


def test_a_bladder_cancer_takes_the_site_of_its_tumor_not_of_the_anatomy_told() -> None:
    found = codes(
        "POSTOPERATIVE DIAGNOSIS: Bladder cancer; benign prostatic hyperplasia.\n"
        "FINDINGS: A high riding bladder neck and bilobar prostatic hyperplasia. A 2 cm"
        " papillary tumor on the right lateral wall above the ureteral orifice.\n"
    )
    assert "C67.2" in found and "C67.5" not in found
    assert "C67.9" in codes(
        "POSTOPERATIVE DIAGNOSIS: Bladder cancer.\nFINDINGS: The dome and trigone were normal.\n"
    )
