"""A kidney or thyroid cancer whose organ an earlier operation removed, now spread to nodes or
distant sites: the primary is history (Z85.528, Z85.850; guideline I.C.2.d) beside the
secondary sites. A removal done in this operation keeps the primary. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_thyroid_cancer_removed_earlier_with_nodal_recurrence() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Metastatic papillary thyroid carcinoma, right neck.\n"
        "INDICATIONS: She had a total thyroidectomy for papillary carcinoma and now has "
        "enlarged right neck nodes positive on biopsy.\n"
        "PROCEDURE: Right modified radical neck dissection.\n"
    )
    codes = _codes(note)
    assert "Z85.850" in codes and "C77.0" in codes
    assert "C73" not in codes


def test_kidney_cancer_removed_earlier_with_lung_metastases() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Metastatic renal cell carcinoma to the lung.\n"
        "INDICATIONS: He underwent a right radical nephrectomy for renal cell carcinoma and "
        "now has lung metastases.\n"
    )
    assert _codes(note) == ["C78.00", "Z85.528"]


def test_thyroidectomy_done_now_keeps_the_primary() -> None:
    # trap: this operation removes the primary
    note = (
        "POSTOPERATIVE DIAGNOSIS: Papillary thyroid carcinoma with metastases to the central "
        "neck nodes.\n"
        "PROCEDURE: Total thyroidectomy with central neck dissection.\n"
    )
    codes = _codes(note)
    assert "C73" in codes and "Z85.850" not in codes
