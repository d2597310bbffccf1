"""A primary cancer the narrative tells as excised or treated in a past year (guideline I.C.2.d,
I.C.21.c.4) is its personal history Z85.-, also when the note reports its metastases now (the
secondary sites are the current cancer, the primary site its history). A recurrence the
diagnosis calls recurrent, and a relative's cancer, are not. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_metastases_after_nephrectomy_years_ago() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Metastatic renal cell carcinoma.\n"
        "POSTOPERATIVE DIAGNOSIS: Metastatic renal cell carcinoma.\n"
        "PROCEDURE: Placement of a tunneled port through the right internal jugular vein.\n"
        "INDICATIONS: This 63-year-old man had a right radical nephrectomy for renal cell "
        "carcinoma in 2004. He now has metastases to both lungs and needs chemotherapy.\n"
    )
    codes = _codes(note)
    assert "Z85.528" in codes
    assert "C78.02" in codes or "C78.00" in codes
    assert not any(c.startswith("C64") for c in codes)


def test_breast_cancer_treated_years_ago_in_the_indication() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right axillary adenopathy.\n"
        "POSTOPERATIVE DIAGNOSIS: Right axillary adenopathy.\n"
        "PROCEDURE: Excisional biopsy of a right axillary lymph node.\n"
        "INDICATIONS: In 2011 she had a lumpectomy with radiation. This was for a "
        "triple-negative ductal carcinoma of the right breast. A new node is now palpable.\n"
    )
    codes = _codes(note)
    assert codes[0] == "R59.0"
    assert "Z85.3" in codes
    assert not any(c.startswith("C50") for c in codes)


def test_recurrent_cancer_stays_current() -> None:
    # trap: the diagnosis calls it recurrent and it is being treated
    note = (
        "ASSESSMENT: Recurrent metastatic ovarian cancer.\n"
        "HISTORY OF PRESENT ILLNESS: Her ovarian cancer was treated with a hysterectomy and "
        "removal of both ovaries in 2009. She now receives carboplatin for peritoneal "
        "metastases.\n"
    )
    codes = _codes(note)
    assert "C56.9" in codes
    assert "Z85.43" not in codes


def test_relative_cancer_with_a_year_is_not_the_patients() -> None:
    note = (
        "ASSESSMENT: Rectal bleeding.\n"
        "HISTORY OF PRESENT ILLNESS: He had a normal colonoscopy 6 years ago. His father "
        "died of colon cancer in 1998.\n"
    )
    codes = _codes(note)
    assert "K62.5" in codes
    assert "Z85.038" not in codes
