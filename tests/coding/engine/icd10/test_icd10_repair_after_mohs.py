"""The repair of a Mohs defect codes the skin cancer excised, not its personal history.

A reconstruction after Mohs surgery completes the treatment of the cancer, so "status post
Mohs excision of a skin cancer" in its diagnosis is the cancer (C44.-) of that site; a skin
cancer whose type is not told is the unspecified malignant neoplasm of the skin of the site.
"""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(dx: str) -> list[str]:
    note = (
        f"PREOPERATIVE DIAGNOSIS: {dx}\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Repair of the eyelid defect with a rotation flap.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_status_post_mohs_is_the_skin_cancer_of_the_site() -> None:
    assert codes("Status post Mohs excision of skin cancer of the right lower eyelid.") == [
        "C44.1022"
    ]
    assert codes("Defect after Mohs surgery for basal cell carcinoma, left upper lid.") == [
        "C44.1191"
    ]


def test_a_past_skin_cancer_without_mohs_is_history() -> None:
    assert codes("History of skin cancer.") == ["Z85.828"]
