"""Long-term drug use (Z79.-) read from a medication list, through the ICD-10-CM coder.

Guideline I.C.21.c.3: a drug the patient takes on a continuing basis is reported as long-term
use; a list of current medications documents that use. A drug the patient is allergic to,
cannot take or has stopped documents none.
"""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_an_anticoagulant_named_in_the_medication_list_is_long_term_use() -> None:
    note = (
        "HISTORY OF PRESENT ILLNESS: Seen in follow up for an irregular heartbeat, no bleeding.\n"
        "MEDICATIONS: Lisinopril, Coumadin, atorvastatin and a multivitamin.\n"
        "ASSESSMENT:\n1. Atrial fibrillation, rate controlled.\n"
        "PLAN: INR next week.\n"
    )
    assert "Z79.01" in codes(note)


def test_a_decimal_dose_does_not_hide_the_drug() -> None:
    note = (
        "MEDICATIONS:\n1. Metoprolol 25 mg twice a day.\n2. Warfarin 2.5 mg daily.\n"
        "ASSESSMENT:\n1. Mechanical mitral valve.\n"
    )
    assert "Z79.01" in codes(note)


def test_an_anticoagulant_the_patient_cannot_take_or_has_stopped_is_no_use() -> None:
    notes = (
        "MEDICATIONS: Metoprolol 25 mg daily. Intolerant of Coumadin.\n"
        "ASSESSMENT:\n1. Atrial fibrillation.\n",
        "HISTORY OF PRESENT ILLNESS: Irregular heartbeat; she is allergic to warfarin.\n"
        "ASSESSMENT:\n1. Atrial fibrillation.\n",
        "HISTORY OF PRESENT ILLNESS: The INR stays high despite stopping Coumadin.\n"
        "ASSESSMENT:\n1. Nosebleed.\n",
        "ASSESSMENT:\n1. Atrial fibrillation; a prior subdural hematoma precludes warfarin.\n",
    )
    for note in notes:
        assert "Z79.01" not in codes(note), note
