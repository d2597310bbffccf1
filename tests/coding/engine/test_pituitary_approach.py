"""Pituitary and sellar tumours removed through the nose: the neuroendoscopy code (62165) when
the endoscope alone shows the way, 61548 under the operating microscope (endoscope-assisted
or not); 'transnasal' and suprasellar/parasellar lesions are named so too."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_fully_endoscopic_endonasal_adenoma_resection_is_62165() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Nonfunctioning pituitary macroadenoma.\n"
        "PROCEDURE: Endoscopic endonasal transsphenoidal resection of pituitary macroadenoma.\n"
        "DESCRIPTION: Using a 0-degree endoscope the sphenoid sinus was opened, the sellar floor "
        "removed and the tumor resected with curettes; the sella was packed with fat."
    )
    assert _codes(note) == ["62165"]


def test_microscope_assisted_transnasal_resection_is_61548() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Cystic suprasellar tumor.\n"
        "PROCEDURE: Transnasal resection of cystic suprasellar tumor with the operating "
        "microscope and endoscopic assistance.\n"
        "DESCRIPTION: Under the microscope the sella was entered and the cyst wall and solid "
        "tumor were removed; the endoscope was used to inspect for residual tumor."
    )
    assert _codes(note) == ["61548"]
