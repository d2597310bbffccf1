"""An office urology visit whose in-office tests (dipstick, microscopy) list a cystoscopy with
its finding bills the diagnostic cystoscopy 52000 beside the visit (with 25); a cystoscopy
told only in the history is the patient's past. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


VISIT = (
    "CHIEF COMPLAINT: Blood in the urine.\n"
    "HISTORY OF PRESENT ILLNESS: A 66-year-old man with two weeks of painless gross hematuria. "
    "He smokes a pack a day.{history}\n"
    "PHYSICAL EXAMINATION: Abdomen soft, no flank tenderness. Prostate smooth and normal in "
    "size.\n"
    "LAB: Dipstick urinalysis in the office is positive for 3+ blood. Microscopic urinalysis "
    "shows 30-50 red cells.{lab}\n"
    "IMPRESSION: Gross hematuria, bladder tumor.\n"
    "PLAN: Transurethral resection of the bladder tumor will be scheduled. CT urogram ordered. "
    "Ciprofloxacin prescribed.\n"
)


def test_a_cystoscopy_among_the_office_tests_is_52000() -> None:
    found = _codes(VISIT.format(history="", lab=" Cystoscopy: papillary tumor at the dome."))
    assert "52000" in found
    assert any(mods == ["25"] for code, mods in found.items() if code.startswith("992"))


def test_a_past_cystoscopy_in_the_history_is_not_billed() -> None:
    found = _codes(VISIT.format(history=" A cystoscopy five years ago was normal.", lab=""))
    assert "52000" not in found
