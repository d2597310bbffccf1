"""A urinalysis told by the reagent strip's name ('Chemstix of the urine', 'Chemstrip') is an
office dipstick urinalysis: 81002, or 81000 with a microscopic examination."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_NOTE = (
    "CHIEF COMPLAINT: Burning with urination for three days.\n"
    "HISTORY: A 35-year-old woman, established patient, with dysuria and frequency, no fever.\n"
    "LAB: {lab}\n"
    "IMPRESSION: Acute cystitis.\n"
    "PLAN: Nitrofurantoin 100 mg twice daily for 5 days. Fluids. Return if not better.\n"
)


def codes(lab: str) -> list[str]:
    return [p["code"] for p in code_cpt(_NOTE.format(lab=lab))["procedures"]]


def test_a_chemstix_without_microscopy_is_81002() -> None:
    found = codes("Chemstix of the urine is positive for leukocytes and nitrites.")
    assert "81002" in found and "81000" not in found


def test_a_chemstrip_with_a_microscopic_urinalysis_is_81000() -> None:
    found = codes(
        "Chemstrip shows 2+ leukocyte esterase. Microscopic U/A: 20-30 WBCs per high power field."
    )
    assert "81000" in found and "81002" not in found
