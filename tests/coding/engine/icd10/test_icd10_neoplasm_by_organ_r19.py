"""ICD-10-CM: a neoplasm named only by its organ is a neoplasm of unspecified behavior of that
organ (D49.-); a malignant tumor of a named organ is that organ's cancer; a benign one keeps its
benign code. Synthetic notes written for these tests."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(dx: str) -> list[str]:
    note = f"PREOPERATIVE DIAGNOSIS: {dx}\nPROCEDURE: Excision.\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize(
    ("dx", "code"),
    [
        ("Nonpalpable neoplasm, left breast.", "D49.3"),
        ("Right renal neoplasm.", "D49.511"),
        ("Neoplasm of the right lung.", "D49.1"),
        ("Malignant tumor of the left kidney.", "C64.2"),
        ("Malignant breast tumor.", "C50.919"),
        ("Benign neoplasm of the left kidney.", "D30.02"),
    ],
)
def test_neoplasm_by_organ(dx: str, code: str) -> None:
    assert codes(dx) == [code]


def test_a_tumor_told_in_passing_is_not_a_neoplasm_code() -> None:
    assert codes("Tumor markers pending.") == []
