"""A malignancy the history tells as past is its personal-history code (Z85, guideline
I.C.21.c.4) wherever the note tells it - the indication of an operation, the past medical or
surgical history of a visit - but not a cancer the note treats now, one told with how long the
patient has had it, one said of a spouse, or a diagnosis merely told in the past tense.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_BIOPSY = """PREOPERATIVE DIAGNOSIS: Suspicious calcifications, right breast.
POSTOPERATIVE DIAGNOSIS: Suspicious calcifications, right breast.
PROCEDURE: Needle-localized excisional biopsy of the right breast.
HISTORY: {history}
DESCRIPTION: The wire was localized and the tissue around it excised. The specimen radiograph
showed the calcifications. The wound was closed in layers.
"""

_VISIT = """HISTORY OF PRESENT ILLNESS: A 68-year-old seen for right knee pain for a year.
PAST MEDICAL HISTORY: {history}
ASSESSMENT:
1. Osteoarthritis of the right knee.
PLAN: Injection offered. Return in six weeks.
"""


def _biopsy(history: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(_BIOPSY.format(history=history)))]


def _visit(history: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(_VISIT.format(history=history)))]


def test_history_of_cancer_in_an_operations_history_is_its_history_code() -> None:
    found = _biopsy("A 70-year-old woman with a history of colon cancer had a screening mammogram.")
    assert any(c.startswith("R92") for c in found) and "Z85.038" in found


def test_cancer_treated_in_the_past_in_a_history_list_is_its_history_code() -> None:
    assert "Z85.46" in _visit("Hypertension. Prostate cancer, status post prostatectomy in 2009.")
    assert "Z85.3" in _visit("Status post left mastectomy for breast cancer. Hypothyroidism.")


def test_a_cancer_treated_now_is_no_history() -> None:
    # the hormone therapy told in the next sentence keeps the cancer current
    found = _visit("Prostate cancer diagnosed in 2015. He is now receiving Lupron.")
    assert not any(c.startswith("Z85") for c in found)
    # a past history list's "has": the patient has it now
    assert not any(c.startswith("Z85") for c in _visit("Has prostate cancer."))
    # a cancer that has spread is treated now
    found = _visit("Breast cancer in 2010 that has since metastasized to bone.")
    assert not any(c.startswith("Z85") for c in found)


def test_how_long_the_patient_has_had_it_is_no_past_cancer() -> None:
    found = _biopsy("She has a two-year history of colon cancer and had a screening mammogram.")
    assert not any(c.startswith("Z85") for c in found)


def test_a_spouses_cancer_and_a_denied_one_are_not_the_patients() -> None:
    found = _visit("Depression during her husband's battle with prostate cancer.")
    assert not any(c.startswith("Z85") for c in found)
    found = _biopsy("She has no personal history of breast cancer; her mother had breast cancer.")
    assert not any(c.startswith("Z85") for c in found)


def test_a_diagnosis_told_in_the_past_tense_is_no_history() -> None:
    found = _biopsy("A core biopsy last week returned showing infiltrating ductal carcinoma.")
    assert not any(c.startswith("Z85") for c in found)


def test_a_cancer_on_hormone_therapy_is_treated_now() -> None:
    found = _visit("Breast cancer diagnosed in 2019. She has since been on anastrozole.")
    assert not any(c.startswith("Z85") for c in found)
