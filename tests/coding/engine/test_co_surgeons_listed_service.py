"""A note that tells its operation as done by co-surgeons names each of them in the third
person ("Dr. Y then ..."), the author included: a listed service its story tells as one of
them doing is still the note's (each co-surgeon reports the shared work). Without co-surgeons,
a listed service the story tells only as another doctor's is his, not this author's."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


STORY = (
    "DESCRIPTION: Through a left flank incision the kidney was exposed. Dr. B then placed two "
    "stay sutures in the lower pole and excised a wedge biopsy of the kidney with a knife. The "
    "base was cauterized and closed over Gelfoam. The wound was closed in layers.\n"
)


def test_open_renal_biopsy_told_by_a_co_surgeon_is_kept() -> None:
    note = (
        "INDICATIONS: Solitary kidney with rising creatinine; Dr. A and Dr. B operate as "
        "co-surgeons.\n"
        "PROCEDURE: Open renal biopsy, left.\n" + STORY
    )
    assert "50205" in codes(note)


def test_open_renal_biopsy_told_as_another_doctors_without_co_surgeons_is_not() -> None:
    note = (
        "INDICATIONS: Solitary kidney with rising creatinine.\n"
        "PROCEDURE: Open renal biopsy, left.\n" + STORY
    )
    assert "50205" not in codes(note)
