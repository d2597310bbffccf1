"""A diagnosis made more specific by what the rest of the note tells about it.

The diagnosis list says "Coronary artery disease" or "Type 2 diabetes"; the history, the
indication or the findings say the angina, the hyperglycemia, the low sugars, the neuropathy.
The index's "with" links them (guideline I.A.15, I.C.9.b), so the combination code is reported.
"""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> set[str]:
    return {d["code"] for d in code_diagnoses(analyze(note))}


def visit(hpi: str, assessment: str) -> str:
    return (
        "CHIEF COMPLAINT: Follow up.\n"
        f"HISTORY OF PRESENT ILLNESS: {hpi}\n"
        f"ASSESSMENT:\n{assessment}\n"
        "PLAN: Continue current medications. Return in three months.\n"
    )


def test_angina_told_in_the_history_makes_coronary_disease_with_angina() -> None:
    note = visit(
        "He has exertional angina when he walks up two flights of stairs.",
        "1. Coronary artery disease.",
    )
    assert codes(note) == {"I25.119"}
    note = visit("He describes crescendo angina this week.", "1. Coronary artery disease.")
    assert codes(note) == {"I25.110"}
    # angina with coronary arteries found without obstruction: not presumed the plaque's
    # (combination key not_if_note)
    note = (
        "PROCEDURE: Left heart catheterization and coronary angiography.\n"
        "INDICATION: Exertional angina.\n"
        "FINDINGS: Mild luminal irregularities without obstructive disease.\n"
        "IMPRESSION: Coronary artery disease.\n"
    )
    assert codes(note) == {"I25.10"}
    # denied angina links nothing
    note = visit("He denies any angina or shortness of breath.", "1. Coronary artery disease.")
    assert codes(note) == {"I25.10"}


def test_diabetes_control_told_in_the_history() -> None:
    hpi = "Her blood sugars have been running high and she reports hyperglycemia after meals."
    assert codes(visit(hpi, "1. Type 2 diabetes mellitus.")) == {"E11.65"}
    hpi = "She reports frequent low blood sugars since the dose was increased."
    assert codes(visit(hpi, "1. Type 2 diabetes mellitus.")) == {"E11.649"}
    hpi = "Her type 1 diabetes has been poorly controlled since the pump failed."
    assert codes(visit(hpi, "1. Type 1 diabetes mellitus.")) == {"E10.65"}
    # no hyperglycemia told: unspecified
    hpi = "She checks her sugars daily and denies hyperglycemia or hypoglycemia."
    assert codes(visit(hpi, "1. Type 2 diabetes mellitus.")) == {"E11.9"}


def test_diabetes_listed_with_neuropathy() -> None:
    # index: Diabetes, with neuropathy E11.40; with polyneuropathy E11.42
    assert codes(visit("Routine follow up.", "1. Diabetes mellitus.\n2. Neuropathy.")) == {"E11.40"}
    got = codes(visit("Routine follow up.", "1. Diabetes mellitus.\n2. Peripheral neuropathy."))
    assert got == {"E11.42"}


def test_the_findings_tell_the_detail_the_diagnosis_list_leaves_out() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Rotator cuff tear, left shoulder.\n"
        "POSTOPERATIVE DIAGNOSIS: Rotator cuff tear, left shoulder.\n"
        "PROCEDURE: Arthroscopic rotator cuff repair, left shoulder.\n"
        "FINDINGS: A full thickness tear of the supraspinatus tendon, 2 cm wide, retracted "
        "to the top of the humeral head.\n"
    )
    assert codes(note) == {"M75.122"}
    # a "no" in the findings tells nothing
    note = note.replace("A full thickness tear", "No full thickness tear; a fraying")
    assert codes(note) == {"M75.102"}


def test_another_lesion_or_another_list_does_not_refine() -> None:
    # polyps: the rectal one in the findings is another polyp, not the colon polyps' site
    note = (
        "POSTOPERATIVE DIAGNOSIS: Colon polyps.\n"
        "PROCEDURE: Colonoscopy with snare polypectomy.\n"
        "FINDINGS: Two polyps in the transverse colon were removed with a snare. A small "
        "polyp was seen in the rectum and removed.\n"
    )
    assert "K63.5" in codes(note)
    # what the admitting diagnosis said and the discharge diagnosis no longer says
    note = (
        "ADMITTING DIAGNOSIS: Intractable migraine with aura.\n"
        "DISCHARGE DIAGNOSIS: Migraine with aura.\n"
        "HOSPITAL COURSE: She was given intravenous fluids and her headache resolved.\n"
    )
    assert codes(note) == {"G43.109"}


def test_a_hernia_the_narrative_finds_incarcerated_is_with_obstruction() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Umbilical hernia.\n"
        "POSTOPERATIVE DIAGNOSIS: Umbilical hernia.\n"
        "PROCEDURE: Umbilical hernia repair.\n"
        "DESCRIPTION: An infraumbilical incision was made. The incarcerated omentum was "
        "freed from the sac and reduced. The fascia was closed.\n"
    )
    assert codes(note) == {"K42.0"}
    assert codes(note.replace("The incarcerated omentum was", "The omentum was")) == {"K42.9"}


def test_localized_peritonitis_at_appendectomy() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Acute appendicitis, gangrenous.\n"
        "PROCEDURE: Laparoscopic appendectomy.\n"
        "FINDINGS: A gangrenous appendix with localized peritonitis in the right lower "
        "quadrant, no perforation.\n"
    )
    assert codes(note) == {"K35.31"}


def test_renal_failure_on_dialysis_is_end_stage_renal_disease() -> None:
    # N18.6 includes chronic kidney disease requiring chronic dialysis; Z99.2 with it, and
    # the hypertension takes the stage 5/ESRD combination
    note = visit(
        "He receives hemodialysis three times a week through a left arm fistula.",
        "1. Renal failure.\n2. Hypertension.",
    )
    assert codes(note) == {"N18.6", "Z99.2", "I12.0"}
    note = visit("He has no kidney complaints today.", "1. Renal failure.\n2. Hypertension.")
    assert "N18.6" not in codes(note)


def test_cervical_spondylosis_with_the_myelopathy_told_in_the_history() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Cervical spondylosis.\n"
        "POSTOPERATIVE DIAGNOSIS: Cervical spondylosis.\n"
        "PROCEDURE: Anterior cervical discectomy and fusion, C5-C6.\n"
        "INDICATIONS: A 58-year-old woman with progressive gait imbalance and hand clumsiness "
        "from cervical myelopathy.\n"
    )
    assert codes(note) == {"M47.12"}
    # a disc herniation with myelopathy owns the myelopathy (rule key `absent`)
    note = note.replace(
        "POSTOPERATIVE DIAGNOSIS: Cervical spondylosis.",
        "POSTOPERATIVE DIAGNOSIS: 1. Herniated disc, C5-C6, with myelopathy. 2. Cervical "
        "spondylosis.",
    )
    got = codes(note)
    assert "M47.812" in got and "M47.12" not in got


def test_prostatic_hyperplasia_with_the_symptoms_told_in_the_indication() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Benign prostatic hyperplasia.\n"
        "POSTOPERATIVE DIAGNOSIS: Benign prostatic hyperplasia.\n"
        "PROCEDURE: Transurethral resection of the prostate.\n"
        "INDICATIONS: A 71-year-old man with nocturia four times a night and a weak stream "
        "despite tamsulosin.\n"
    )
    assert codes(note) == {"N40.1"}
    assert codes(
        note.replace("nocturia four times a night and a weak stream", "a large gland")
    ) == {"N40.0"}


def test_the_side_the_indication_tells_with_the_same_diagnosis() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Carpal tunnel syndrome.\n"
        "PROCEDURE: Open carpal tunnel release.\n"
        "INDICATIONS: A 52-year-old woman with carpal tunnel syndrome of the left hand "
        "confirmed by nerve conduction studies, failed splinting.\n"
        "DESCRIPTION: The arm was prepped and draped. The transverse carpal ligament was "
        "divided.\n"
    )
    assert codes(note) == {"G56.02"}
    # two sides told: none is taken
    both = note.replace("of the left hand", "of both hands, the right worse than the left")
    assert codes(both) != {"G56.02"}


def test_a_site_read_from_the_note_is_the_one_told_with_the_same_diagnosis() -> None:
    # the "small bowel" of a hernia told first is not the diverticulosis's site
    note = (
        "EXAM: CT abdomen and pelvis with contrast.\n"
        "FINDINGS: A right inguinal hernia contains a loop of small bowel. There is extensive "
        "diverticulosis of the sigmoid colon without wall thickening.\n"
        "IMPRESSION:\n1. Right inguinal hernia.\n2. Diverticulosis without diverticulitis.\n"
    )
    assert "K57.30" in codes(note) and "K57.10" not in codes(note)
