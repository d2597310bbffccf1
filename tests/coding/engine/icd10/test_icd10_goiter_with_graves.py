"""A goiter in a patient with Graves disease is the toxic diffuse goiter E05.00."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(indication: str) -> list[str]:
    note = (
        "PREOPERATIVE DIAGNOSIS: Goiter.\n"
        "POSTOPERATIVE DIAGNOSIS: Goiter.\n"
        "PROCEDURE: Total thyroidectomy.\n"
        f"INDICATIONS: {indication}\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_goiter_of_graves_disease() -> None:
    assert codes("She has had Graves disease for years and medical therapy failed.") == ["E05.00"]


def test_goiter_without_graves() -> None:
    assert codes("She chose surgery after years of observation.") == ["E04.9"]
    assert codes("Thyroid tests showed no evidence of Graves disease.") == ["E04.9"]
