"""Operations for the looks of an aging face or body: a facelift or a filler injection with no
disease written is the encounter for cosmetic surgery (Z41.1); the contour conditions a body
contouring or breast revision operation names are coded (excess skin and fat L98.7, regional
lipodystrophy E88.13, the aging face's fat under the chin E65, a reconstructed breast out of
shape N65.0), and an operation with a diagnosis is left to it.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_a_filler_injection_with_no_disease_written_is_cosmetic() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Deep nasolabial folds.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE: Restylane injection of both nasolabial folds.
DESCRIPTION: After topical anesthesia, 1 mL of filler was placed along each fold with a
fine needle. The patient tolerated it well.
"""
    assert _codes(note) == ["Z41.1"]


def test_a_facelift_with_no_disease_written_is_cosmetic() -> None:
    note = """DIAGNOSIS: Facial and neck skin sagging.
PROCEDURE: Cheek-neck facelift.
DESCRIPTION: Incisions were made around each ear, the flaps raised, the SMAS plicated and
the excess skin trimmed. The incisions were closed in layers.
"""
    assert _codes(note) == ["Z41.1"]


def test_a_blepharoplasty_for_dermatochalasis_is_coded_by_its_diagnosis() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Dermatochalasis of both upper eyelids.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE: Bilateral upper eyelid blepharoplasty.
DESCRIPTION: The excess skin of each upper lid was marked and excised. The wounds were
closed with a running suture.
"""
    found = _codes(note)
    assert "Z41.1" not in found
    assert any(c.startswith("H02.83") for c in found)


def test_contour_conditions_of_a_body_contouring_operation_are_coded() -> None:
    note = """POSTOPERATIVE DIAGNOSES:
1. Deformity of the left breast reconstruction.
2. Excess skin of the lower abdomen.
3. Lipodystrophy of the flanks.
PROCEDURES: Revision of the left breast reconstruction, excision of excess skin of the
abdomen, liposuction of the flanks.
"""
    found = _codes(note)
    assert "N65.0" in found and "L98.7" in found and "E88.13" in found
    assert "Z41.1" not in found


def test_fat_under_the_chin_of_an_aging_face_is_localized_adiposity() -> None:
    note = """POSTOPERATIVE DIAGNOSIS: Submental lipodystrophy.
PROCEDURE: Submental liposuction.
"""
    assert _codes(note) == ["E65"]
