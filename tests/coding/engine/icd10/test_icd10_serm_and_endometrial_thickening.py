"""A selective estrogen receptor modulator taken as a therapy (tamoxifen, raloxifene) is
long-term use Z79.810 (guideline I.C.21.c.3); a drug only named in a medication list, or one
stopped, is not coded this way. A thickened endometrium seen on imaging is R93.89
(index: Thickening, endometrium)."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_thickened_endometrium_on_tamoxifen_before_a_hysteroscopy() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Thickened endometrial stripe in a patient on tamoxifen.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Hysteroscopy, dilation and curettage.\n"
        "INDICATIONS: A 58-year-old woman treated for breast cancer three years ago.\n"
    )
    found = codes(note)
    assert "R93.89" in found and "Z79.810" in found


def test_a_drug_stopped_is_no_long_term_use() -> None:
    note = (
        "ASSESSMENT:\n1. History of breast cancer; she stopped tamoxifen therapy last year"
        " because of hot flashes.\n"
    )
    assert "Z79.810" not in codes(note)
