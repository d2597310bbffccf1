"""ICD-10-CM precision: conditions a note names without giving them to the patient - a test
for an infection or a metastasis told negative, a word that is a body part or a thing and
also an abbreviation of a disease. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_a_test_told_negative_after_the_infection_it_looks_for_denies_it() -> None:
    assert codes(
        "ASSESSMENT:\n1. Hepatitis C and HIV, both of which were negative.\n2. Hypertension.\n"
    ) == ["I10"]
    assert "B20" not in codes(
        "HISTORY: HIV 1 titer was negative.\nIMPRESSION: Generalized seizure disorder.\n"
    )
    assert codes(
        "ASSESSMENT: Breast cancer. The patient had a metastatic workup, which was negative.\n"
    ) == ["C50.919"]


def test_the_infection_stays_when_the_negative_test_is_another_item_or_the_diagnosis_is_made() -> (
    None
):
    # culture-negative sepsis is still sepsis: the comma opens another item
    assert codes("ASSESSMENT: Sepsis, blood cultures were negative.\n") == ["A41.9"]
    assert codes("ASSESSMENT: HIV disease, stable on antiretroviral therapy.\n") == ["B20"]
    # a symptom is not denied by a test for its cause
    assert codes("ASSESSMENT: Chest pain, troponins were negative.\n") == ["R07.9"]


def test_pad_as_a_body_part_or_a_device_is_not_peripheral_arterial_disease() -> None:
    assert "I73.9" not in codes(
        "ASSESSMENT:\n1. Cellulitis of the abdominal wall below a prominent suprapubic fat pad.\n"
    )
    assert codes("DIAGNOSIS: Defibrillator pad placement for cardiac monitoring.\n") == []
    assert codes("ASSESSMENT: PAD with claudication of the calves.\n") == ["I73.9"]
