"""Findings of a procedure note next to its postoperative diagnosis, and a "?" of doubt.

Short synthetic notes; each test names the convention it checks.
"""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

COLONOSCOPY = (
    "PREOPERATIVE DIAGNOSIS: Personal history of colon polyps.\n"
    "POSTOPERATIVE DIAGNOSIS: Ascending colon polyp.\n"
    "PROCEDURE: Colonoscopy with cold snare polypectomy.\n"
    "FINDINGS: A 6 mm sessile polyp in the ascending colon was removed with a cold snare. "
    "{finding}\n"
    "The scope was withdrawn and the patient tolerated the procedure well.\n"
)


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_conditions_seen_at_a_colonoscopy_are_coded_with_the_postop_diagnosis() -> None:
    found = codes(
        COLONOSCOPY.format(
            finding="Moderate diverticulosis of the sigmoid colon. Small internal hemorrhoids "
            "on retroflexion."
        )
    )
    assert "K63.5" in found
    assert "K57.30" in found and "K64.8" in found
    assert found.index("K63.5") < found.index("K57.30")  # the postoperative diagnosis first


def test_negated_findings_are_not_coded() -> None:
    found = codes(COLONOSCOPY.format(finding="No diverticulosis and no hemorrhoids were seen."))
    assert "K57.30" not in found and "K64.9" not in found and "K64.8" not in found


def test_a_category_the_postop_diagnosis_codes_is_not_coded_again() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Sigmoid diverticulitis.\n"
        "PROCEDURE: Flexible sigmoidoscopy.\n"
        "FINDINGS: Diverticulosis with inflamed mucosa in the sigmoid colon.\n"
    )
    found = codes(note)
    assert [c for c in found if c.startswith("K57")] == ["K57.32"]


def test_hiatal_hernia_seen_at_an_egd_is_coded() -> None:
    note = (
        "POSTPROCEDURE DIAGNOSIS: Gastric ulcer.\n"
        "PROCEDURE: Esophagogastroduodenoscopy with biopsy.\n"
        "FINDINGS: A 2 cm hiatal hernia. A clean-based ulcer in the gastric antrum was "
        "biopsied. The duodenum was normal.\n"
    )
    found = codes(note)
    assert "K25.9" in found and "K44.9" in found


def test_other_findings_of_an_operation_stay_uncoded() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right inguinal hernia.\n"
        "PROCEDURE: Right inguinal hernia repair with mesh.\n"
        "FINDINGS: Indirect hernia sac. Filmy adhesions of the omentum were taken down.\n"
    )
    found = codes(note)
    assert found == ["K40.90"]


def test_a_question_mark_before_a_diagnosis_makes_it_uncertain() -> None:
    note = (
        "EXAM: Ultrasound of the right upper quadrant.\n"
        "HISTORY: Right upper quadrant pain.\n"
        "IMPRESSION: Thickened gallbladder wall, ? acalculous cholecystitis.\n"
    )
    found = codes(note)
    assert not any(c.startswith(("K81", "K80")) for c in found)
    assert "R10.11" in found


def test_a_question_closing_a_sentence_does_not_doubt_the_next_one() -> None:
    note = (
        "ASSESSMENT:\n1. Abdominal pain. Any fever? Acute gastroenteritis.\n"
        "PLAN: Fluids and rest.\n"
    )
    assert "K52.9" in codes(note)


def test_a_meniscal_tear_found_at_arthroscopy_is_coded() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right knee pain.\n"
        "POSTOPERATIVE DIAGNOSIS: Chondromalacia of the right patella.\n"
        "PROCEDURE: Right knee arthroscopy with chondroplasty and partial meniscectomy.\n"
        "FINDINGS: Grade 3 chondromalacia of the patella. A radial tear of the posterior horn "
        "of the medial meniscus. The lateral meniscus and cruciate ligaments were intact.\n"
    )
    found = codes(note)
    assert any(c.startswith("S83.2") for c in found)


def test_a_bare_screening_indication_at_a_colonoscopy_is_colon_screening() -> None:
    note = (
        "PROCEDURE: Colonoscopy with cold snare polypectomy.\n"
        "INDICATION: Average risk screening.\n"
        "FINDINGS: A 4 mm polyp in the transverse colon was removed with a cold snare.\n"
        "IMPRESSION: Transverse colon polyp, removed.\n"
    )
    found = codes(note)
    assert found[:2] == ["Z12.11", "K63.5"]  # screening stays first, the finding is added
    normal = "PROCEDURE: Colonoscopy.\nINDICATION: Screening.\nIMPRESSION: Normal colonoscopy.\n"
    assert codes(normal) == ["Z12.11"]
    # a visit that merely mentions screening is not a screening encounter
    visit = "ASSESSMENT: Hypertension.\nPLAN: Screening.\n"
    assert "Z12.11" not in codes(visit)


def test_a_screening_indication_with_its_risk_after_a_comma_codes_both() -> None:
    note = (
        "PROCEDURE: Colonoscopy.\n"
        "INDICATION: Screening, family history of colon cancer in his brother.\n"
        "IMPRESSION: Normal colonoscopy.\n"
    )
    assert codes(note) == ["Z12.11", "Z80.0"]
