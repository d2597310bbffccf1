"""ICD-10-CM index: Periappendicitis (acute) - see Appendicitis. Periappendicitis alone is K37;
told acute it is K35.80; 'acute' told of another disease in the same statement does not make
the appendix's inflammation acute. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_periappendicitis_is_appendicitis_unspecified() -> None:
    got = codes(
        "PREOPERATIVE DIAGNOSIS: Right lower quadrant pain.\n"
        "POSTOPERATIVE DIAGNOSES:\n1. Tubo-ovarian inflammation.\n2. Periappendicitis.\n"
        "PROCEDURE: Laparoscopic appendectomy.\n"
    )
    assert "K37" in got


def test_acute_periappendicitis_is_acute_appendicitis() -> None:
    got = codes(
        "POSTOPERATIVE DIAGNOSIS: Acute periappendicitis.\nPROCEDURE: Laparoscopic appendectomy.\n"
    )
    assert "K35.80" in got
    assert "K37" not in got


def test_acute_told_of_pelvic_inflammatory_disease_stays_with_it() -> None:
    got = codes(
        "POSTOPERATIVE DIAGNOSIS: Acute pelvic inflammatory disease and periappendicitis.\n"
        "PROCEDURE: Diagnostic laparoscopy.\n"
    )
    assert "N73.0" in got
    assert "K37" in got
    assert "K35.80" not in got
