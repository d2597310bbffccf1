"""A cleft palate told with a cleft lip is one code of Q37 (Q35 and Q36 each exclude it), by
the palate's part and whether the lip is cleft on one side or both; a cleft palate alone stays
in Q35. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(diagnosis: str) -> list[str]:
    note = (
        f"PREOPERATIVE DIAGNOSIS: {diagnosis}\n"
        "PROCEDURE PERFORMED: Palatoplasty.\n"
        "DESCRIPTION: The 11-month-old underwent repair of the palate with mucoperiosteal flaps.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_cleft_palate_with_bilateral_cleft_lip() -> None:
    assert codes("Bilateral cleft lip and bilateral cleft of the palate.") == ["Q37.8"]


def test_cleft_palate_with_unilateral_cleft_lip() -> None:
    assert codes("Left unilateral cleft lip and cleft palate.") == ["Q37.9"]


def test_cleft_palate_alone_stays_in_q35() -> None:
    assert codes("Cleft of the soft palate.") == ["Q35.3"]
