"""ICD-10-CM pairs the tabular allows together although a note or a category rule seems to
forbid them: the acute and the chronic form of one condition (guideline I.B.8). Synthetic
notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_acute_and_chronic_gastritis_codes_both_forms() -> None:
    note = (
        "CHIEF COMPLAINT: Epigastric burning.\n"
        "ASSESSMENT:\n1. Acute and chronic gastritis.\n"
        "PLAN: Omeprazole daily, avoid NSAIDs.\n"
    )
    found = codes(note)
    assert "K29.00" in found and "K29.50" in found


def test_acute_sinusitis_beside_chronic_sinusitis_keeps_both() -> None:
    note = (
        "ASSESSMENT:\n1. Acute sinusitis.\n2. Chronic sinusitis.\n"
        "PLAN: Amoxicillin for ten days, saline rinses, ENT follow-up.\n"
    )
    found = codes(note)
    assert "J01.90" in found and "J32.9" in found


def test_sinusitis_not_said_acute_or_chronic_stays_one_code() -> None:
    note = "ASSESSMENT:\n1. Acute sinusitis.\nPLAN: Amoxicillin for ten days.\n"
    found = codes(note)
    assert "J01.90" in found and "J32.9" not in found


# Guideline I.A.12.a: an Excludes1 note forbids two codes for ONE condition; two unrelated
# conditions written as separate diagnoses are both coded, and the claim edit only warns.


def test_rectocele_and_post_hysterectomy_vault_prolapse_are_both_coded() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES:\n1. Rectocele.\n"
        "2. Vaginal vault prolapse after hysterectomy.\n"
        "POSTOPERATIVE DIAGNOSES: Same.\n"
        "PROCEDURE: Posterior colporrhaphy and sacrospinous ligament fixation.\n"
    )
    found = codes(note)
    assert "N81.6" in found and "N99.3" in found


def test_carpal_tunnel_beside_cervical_radiculopathy_keeps_both() -> None:
    note = (
        "ASSESSMENT:\n1. Right carpal tunnel syndrome.\n2. Cervical radiculopathy.\n"
        "PLAN: Wrist splint at night and physical therapy for the neck.\n"
    )
    found = codes(note)
    assert "G56.01" in found and "M54.12" in found


def test_organism_of_a_condition_is_not_an_unrelated_condition() -> None:
    note = (
        "ASSESSMENT:\n1. Bronchiolitis due to RSV.\n2. RSV infection.\n"
        "PLAN: Supportive care, nasal suction.\n"
    )
    found = codes(note)
    assert "J21.0" in found and "B97.4" not in found


def test_two_types_of_diabetes_in_one_block_stay_one_code() -> None:
    found = codes("ASSESSMENT:\n1. Type 1 diabetes mellitus.\n2. Type 2 diabetes mellitus.\n")
    assert not ({"E10.9", "E11.9"} <= set(found))
