"""A CT-guided core biopsy of the kidney or the liver is the percutaneous biopsy (50200, 47000)
with the CT guidance of its needle (77012), also when an imaging report tells it in a paragraph
of its own after the impression; a CT-guided fine needle aspiration includes its guidance.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_a_report_with_its_biopsy_paragraph() -> None:
    note = (
        "EXAM: CT abdomen without and with contrast. CT-guided biopsy.\n"
        "HISTORY: Right renal mass.\n"
        "FINDINGS: A 2 cm enhancing mass in the right lower pole.\n"
        "IMPRESSION: Enhancing right renal mass.\n"
        "CT-GUIDED NEEDLE BIOPSY, RIGHT KIDNEY MASS: After consent, local anesthesia was given "
        "and an 18-gauge coaxial needle was advanced into the right renal mass under CT "
        "guidance. Two core biopsies of the renal mass were obtained. No hematoma afterwards.\n"
    )
    found = _codes(note)
    assert found.get("50200") == ["RT"]
    assert "77012" in found


def test_a_ct_guided_fine_needle_aspiration_has_no_77012() -> None:
    note = (
        "PROCEDURE: CT-guided fine needle aspiration of a left kidney mass.\n"
        "DESCRIPTION: Under CT guidance a 22-gauge needle was passed into the left renal mass "
        "and three aspirates were taken.\n"
    )
    assert "77012" not in _codes(note)
