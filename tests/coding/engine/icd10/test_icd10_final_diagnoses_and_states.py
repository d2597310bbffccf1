"""Diagnoses a procedure note states at its end, and words that name a state, not a disease.

A final diagnosis list closing a procedure note ("FINAL DIAGNOSES: 1. Barrett esophagus.
2. Hiatal hernia.") is read beside the postoperative diagnosis. A repaired hernia seen at a
later look, a defibrillator being implanted, or a risk the patient was told about is no
diagnosis; a grade told with the hemorrhoids in the findings refines the impression's code.
"""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> set[str]:
    return {d["code"] for d in code_diagnoses(analyze(note))}


def test_final_diagnoses_read_beside_the_postoperative_diagnosis() -> None:
    note = (
        "PROCEDURE: Upper endoscopy.\n"
        "POSTOPERATIVE DIAGNOSIS: Barrett esophagus.\n"
        "DESCRIPTION: The scope reached the second part of the duodenum. Biopsies were taken.\n"
        "FINAL DIAGNOSES:\n1. Short-segment Barrett esophagus.\n2. Hiatal hernia.\n"
    )
    assert codes(note) == {"K22.70", "K44.9"}


def test_a_repaired_hernia_seen_later_is_no_hernia() -> None:
    note = (
        "PROCEDURE: Upper endoscopy.\n"
        "POSTOPERATIVE DIAGNOSIS: Gastroparesis.\n"
        "FINAL DIAGNOSES:\n1. Normal postoperative hernia repair.\n2. Gastroparesis.\n"
    )
    assert codes(note) == {"K31.84"}
    assert "K46.9" in codes("ASSESSMENT:\n1. Hernia.\nPLAN: Surgical referral.\n")


def test_the_defibrillator_implanted_here_is_no_status() -> None:
    note = (
        "PROCEDURE: Implantation of a dual chamber defibrillator.\n"
        "CLINICAL HISTORY: Dilated cardiomyopathy with an ejection fraction of 15%, referred for"
        " AICD implantation because of nonsustained ventricular tachycardia.\n"
        "CONCLUSIONS: Successful implantation of a biventricular defibrillator.\n"
    )
    assert "Z95.810" not in codes(note)
    visit = "ASSESSMENT:\n1. Ischemic cardiomyopathy, AICD in place.\nPLAN: Device check.\n"
    assert codes(visit) == {"I25.5", "Z95.810"}


def test_risks_involving_a_list_are_not_diagnoses() -> None:
    note = (
        "OPERATION: Rigid bronchoscopy with dilation.\n"
        "INDICATIONS: Risks and complications involving bleeding, infection, hoarseness,"
        " alteration of voice and airway obstruction were discussed.\n"
        "POSTOPERATIVE DIAGNOSIS: Tracheal stenosis.\n"
    )
    assert codes(note) == {"J39.8"}


def test_hemorrhoid_grade_from_the_findings() -> None:
    note = (
        "PROCEDURE: Colonoscopy.\n"
        "FINDINGS: Internal, prolapsing with spontaneous reduction (grade II) hemorrhoids were"
        " found on retroflexion.\n"
        "IMPRESSION: Internal hemorrhoids.\n"
    )
    assert codes(note) == {"K64.1"}
    # a grade told of something else is not the hemorrhoids'
    note = (
        "PROCEDURE: Upper endoscopy and colonoscopy.\n"
        "FINDINGS: Grade II esophagitis. Small internal hemorrhoids.\n"
        "IMPRESSION: Internal hemorrhoids.\n"
    )
    assert "K64.1" not in codes(note)


def test_phrasings_after_the_noun() -> None:
    assert codes("ASSESSMENT:\n1. Right inferior turbinate hypertrophic.\n") == {"J34.3"}
    assert codes("ASSESSMENT:\n1. Neuroma of the second and third interspace, left foot.\n") == {
        "G57.62"
    }
