"""What a screening test looks for is not present: 'a colonoscopy to screen for colon cancer'
is the screening encounter (Z12.11), not colon cancer, as 'to look for' already reads.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_SCOPE = """INDICATION: This 58-year-old woman is having a colonoscopy {reason}.
PROCEDURE: Colonoscopy.
FINDINGS: The colon was normal to the cecum.
IMPRESSION: Normal colonoscopy.
"""


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_a_colonoscopy_to_screen_for_cancer_is_screening_not_cancer() -> None:
    found = _codes(_SCOPE.format(reason="to screen for colon cancer"))
    assert "Z12.11" in found and "C18.9" not in found


def test_screening_for_colorectal_cancer_is_screening() -> None:
    found = _codes(_SCOPE.format(reason="for screening for colorectal cancer"))
    assert "Z12.11" in found and not any(c.startswith("C") for c in found)


def test_a_cancer_stated_is_still_coded() -> None:
    assert "C18.9" in _codes("ASSESSMENT:\n1. Colon cancer.\nPLAN: Chemotherapy.\n")
