"""A multiple-gestation report about one fetus named by letter ("Twin B") gives the fetus its
7th character (guideline I.C.15.a.2); a report naming none keeps 0."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> set[str]:
    return {str(d["code"]) for d in code_diagnoses(analyze(note))}


def scan(subject: str) -> str:
    return (
        "CLINICAL HISTORY: A 31-year-old with a dichorionic twin pregnancy at 33 weeks.\n"
        f"FINDINGS: {subject} is in cephalic presentation. Estimated fetal weight is below the "
        "10th percentile. Amniotic fluid is reduced with an AFI of 4 cm.\n"
        "IMPRESSION: Twin pregnancy with oligohydramnios.\n"
    )


def test_the_fetus_named_gives_the_seventh_character() -> None:
    found = codes(scan("Twin B"))
    assert any(c.startswith("O41.03") and c.endswith("2") for c in found), found
    assert not any(c.startswith("O41.03") and c.endswith("0") for c in found)


def test_no_fetus_named_keeps_zero() -> None:
    found = codes(scan("The presenting twin"))
    assert any(c.startswith("O41.03") and c.endswith("0") for c in found), found
