"""Statuses left by earlier operations (guideline I.C.21.c.3) told the way problem lists and
histories tell them: an angioplasty that left a stent is the stent status (Z98.61 Excludes1:
Z95.5), joint replacements told in the plural or as had, the bladder or larynx removed (a
diagnosis list's status).
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_VISIT = """HISTORY OF PRESENT ILLNESS: A 71-year-old seen today for a routine follow-up.
No new complaints.
PAST MEDICAL HISTORY: {history}
ASSESSMENT:
1. {assessment}
PLAN: Continue current medications. Return in three months.
"""


def _codes(history: str, assessment: str = "Essential hypertension.") -> list[str]:
    note = _VISIT.format(history=history, assessment=assessment)
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_angioplasty_with_stenting_is_the_stent_status() -> None:
    found = _codes("Coronary artery disease, status post PTCA and stenting of the LAD in 2015.")
    assert "Z95.5" in found and "Z98.61" not in found


def test_angioplasty_without_a_stent_stays_angioplasty_status() -> None:
    found = _codes("None.", "Prior balloon angioplasty of the right coronary artery.")
    assert "Z98.61" in found and "Z95.5" not in found


def test_bilateral_knee_replacements_in_the_plural_are_a_status() -> None:
    assert "Z96.653" in _codes("Osteoarthritis. Bilateral total knee replacements.")


def test_a_knee_replacement_had_is_a_status_one_to_come_is_not() -> None:
    assert "Z96.651" in _codes("She has had a right total knee replacement.")
    assert not any(c.startswith("Z96") for c in _codes("She will need a total knee replacement."))


def test_bladder_and_larynx_removed_are_acquired_absences() -> None:
    assert "Z90.6" in _codes("None.", "Status post radical cystectomy.")
    assert "Z90.02" in _codes("None.", "Status post total laryngectomy.")


def test_eyebrow_ptosis_is_brow_ptosis_not_eyelid_ptosis() -> None:
    found = _codes("None.", "Eyebrow ptosis.")
    assert any(c.startswith("H57.81") for c in found)
    assert not any(c.startswith("H02.4") for c in found)


def test_coronary_occlusive_disease_is_coronary_artery_disease() -> None:
    assert "I25.10" in _codes("None.", "Coronary occlusive disease.")
