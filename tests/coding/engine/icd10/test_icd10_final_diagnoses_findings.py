"""A procedure note that closes with a FINAL DIAGNOSES list beside its postoperative diagnosis:
the conditions seen at the scope that a coder reports from the findings (hiatal hernia,
diverticulosis, hemorrhoids ...) are read from that list too. Synthetic notes written for
these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_hiatal_hernia_in_the_final_diagnoses() -> None:
    got = codes(
        "PROCEDURE: Upper endoscopy.\n"
        "PREOPERATIVE DIAGNOSIS: Heartburn.\n"
        "POSTOPERATIVE DIAGNOSIS: Barrett esophagus.\n"
        "DESCRIPTION: The scope was passed to the second portion of the duodenum.\n"
        "FINAL DIAGNOSES:\n1. Short-segment Barrett esophagus.\n2. Small hiatal hernia.\n"
    )
    assert "K22.70" in got
    assert "K44.9" in got


def test_a_final_diagnosis_already_coded_is_not_repeated() -> None:
    got = codes(
        "PROCEDURE: Colonoscopy.\n"
        "POSTOPERATIVE DIAGNOSIS: Sigmoid diverticulosis.\n"
        "FINAL DIAGNOSES:\n1. Diverticulosis of the sigmoid colon.\n"
    )
    assert got.count("K57.30") == 1
