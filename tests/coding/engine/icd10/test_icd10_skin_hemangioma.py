"""A hemangioma told as of the skin or at an external skin site is D18.01.

Index: Hemangioma, skin and subcutaneous tissue D18.01; a hemangioma without a site stays D18.00
and a vertebral one D18.09. The notes are synthetic.
"""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize(
    "diagnosis",
    [
        "Hemangioma of the nasal tip",
        "Scalp hemangioma",
        "Cutaneous hemangioma of the upper back",
        "Hemangioma involving the left cheek",
    ],
)
def test_skin_site_hemangioma_is_d18_01(diagnosis: str) -> None:
    got = codes(f"PREOPERATIVE DIAGNOSIS: {diagnosis}.\nPROCEDURE: Excision of the lesion.")
    assert "D18.01" in got
    assert "D18.00" not in got


def test_vertebral_hemangioma_not_skin() -> None:
    got = codes("IMPRESSION: Hemangioma in the L2 vertebral body.")
    assert "D18.01" not in got
