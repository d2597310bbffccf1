"""Drug therapy requiring intensive monitoring for toxicity: intravenous vancomycin or an
aminoglycoside started or continued (dosed by blood levels), a vasopressor named by drug on a
drip - high risk. Oral vancomycin for colitis (not absorbed, no levels) and other hospital
antibiotics named by drug are prescription drug management (moderate)."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import level_visit

CONSULT = """REASON FOR CONSULTATION: Fever and low blood pressure.
HISTORY OF PRESENT ILLNESS: Infectious disease was consulted for a 58-year-old man admitted
through the emergency room yesterday with fever and hypotension, now in the ICU.
PAST MEDICAL HISTORY: Cirrhosis. Type 2 diabetes.
SOCIAL HISTORY: No alcohol for ten years.
FAMILY HISTORY: Noncontributory.
LABORATORY DATA: White count 19,000, lactate 4.1, creatinine 1.6. Blood cultures pending.
IMPRESSION:
1. Septic shock, source not yet known.
2. Cirrhosis.
RECOMMENDATIONS:
1. {drugs}
2. Follow up blood cultures and urine culture.
"""


def _risk(note: str) -> str:
    level = level_visit(analyze(note))
    assert level is not None
    return str(level["mdm"]["risk"])


def test_intravenous_vancomycin_continued_is_high_risk() -> None:
    note = CONSULT.format(drugs="Continue vancomycin and meropenem for now.")
    assert _risk(note) == "high"
    assert [line["code"] for line in code_cpt(note)["procedures"]] == ["99223"]


def test_aminoglycoside_by_levels_is_high_risk() -> None:
    assert _risk(CONSULT.format(drugs="Add gentamicin, dosing per pharmacy.")) == "high"


def test_oral_vancomycin_and_other_antibiotics_are_prescriptions() -> None:
    for drugs in (
        "Start oral vancomycin 125 mg four times a day.",
        "Continue meropenem.",
        "Continue vancomycin 125 mg p.o. four times daily.",
    ):
        assert _risk(CONSULT.format(drugs=drugs)) == "moderate", drugs
