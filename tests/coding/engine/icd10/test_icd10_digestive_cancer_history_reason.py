"""A history of a digestive-organ cancer told as the reason for a surveillance endoscopy
(preoperative diagnosis, indication) is reported (Z85.0-) beside what the scope found, as a
history of colon cancer already was. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_history_of_esophageal_cancer_before_a_surveillance_egd() -> None:
    got = codes(
        "PROCEDURE: Esophagogastroduodenoscopy.\n"
        "PREOPERATIVE DIAGNOSIS: History of esophageal cancer.\n"
        "FINDINGS: A small hiatal hernia. No recurrent tumor.\n"
        "IMPRESSION: Small hiatal hernia.\n"
    )
    assert "Z85.01" in got
    assert "K44.9" in got


def test_history_of_gastric_cancer_in_the_indication() -> None:
    got = codes(
        "PROCEDURE: Upper endoscopy.\n"
        "INDICATION: History of gastric cancer.\n"
        "IMPRESSION: Chronic gastritis of the remnant stomach.\n"
    )
    assert "Z85.028" in got
