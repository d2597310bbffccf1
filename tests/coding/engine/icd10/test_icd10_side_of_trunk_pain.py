"""Abdominal and pelvic pain are coded by the region of the trunk the pain is felt in, not by a
paired organ: the side of an ovarian cyst coded beside it, of a clause after a comma that tells
another finding, or of the operation is not the side of the pain (guideline I.B.13 applies
the side documented for the condition). A side that opens the part after a comma is still the
diagnosis's own ("rotator cuff tear, right shoulder").
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_pelvic_pain_does_not_take_the_side_of_an_ovarian_cyst_listed_beside_it() -> None:
    found = _codes(
        """POSTOPERATIVE DIAGNOSES:
1. Menorrhagia.
2. Pelvic pain.
3. Left ovarian cyst.
PROCEDURE: Total abdominal hysterectomy and left salpingo-oophorectomy.
DESCRIPTION: The uterus and the left tube and ovary were removed. The cuff was closed.
"""
    )
    assert "R10.20" in found and "N83.202" in found
    assert "R10.22" not in found


def test_a_side_deep_in_a_clause_after_a_comma_is_another_findings() -> None:
    found = _codes(
        """PREOPERATIVE DIAGNOSIS: Pelvic pain.
POSTOPERATIVE DIAGNOSIS: Pelvic pain.
PROCEDURE: Diagnostic laparoscopy.
INDICATIONS: A woman with months of pelvic pain, noted on ultrasound to have a small left
ovarian cyst that has since resolved.
DESCRIPTION: The uterus, tubes and ovaries were normal. No adhesions were seen.
"""
    )
    assert found == ["R10.20"]


def test_pelvic_pain_does_not_take_the_side_of_the_operation() -> None:
    found = _codes(
        """PREOPERATIVE DIAGNOSIS: Chronic pelvic pain.
POSTOPERATIVE DIAGNOSIS: Chronic pelvic pain.
PROCEDURE: Laparoscopic left salpingo-oophorectomy.
DESCRIPTION: The left lower quadrant was prepped. The left tube and ovary were removed.
"""
    )
    assert "R10.20" in found and "R10.22" not in found


def test_a_side_opening_the_part_after_a_comma_is_the_diagnosis_own() -> None:
    found = _codes(
        """PREOPERATIVE DIAGNOSIS: Rotator cuff tear.
POSTOPERATIVE DIAGNOSIS: Rotator cuff tear.
PROCEDURE: Arthroscopic rotator cuff repair.
HISTORY: A 58-year-old man with a rotator cuff tear, right shoulder, after a fall.
DESCRIPTION: The tear was repaired with two anchors.
"""
    )
    assert found == ["M75.101"]
