"""A chronic illness whose drug has not done enough and is replaced ("try a different
anticholinergic medication"; "discontinue oxybutynin, start trospium XR") is not at its
treatment goal (moderate problems), and starting the new drug by name is prescription drug
management (moderate risk): 99214. Continuing the same drug for a controlled illness stays
one stable chronic illness, 99213."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

NOTE = """REASON FOR VISIT: Overactive bladder.
HISTORY OF PRESENT ILLNESS: A 58-year-old woman with overactive bladder has urgency and
frequency during the day. A renal ultrasound and cystoscopy were unremarkable.
IMPRESSION: Overactive bladder. {impression}
PLAN: {plan}
"""


def level(impression: str, plan: str) -> str:
    found = level_visit(
        analyze(NOTE.format(impression=impression, plan=plan)), patient_status="established"
    )
    assert found is not None
    return str(found["code"])


def test_switch_to_a_different_drug_is_not_at_goal() -> None:
    assert (
        level(
            "Symptoms continue; I would like to try a different anticholinergic medication.",
            "Discontinue oxybutynin. We will start trospium XR and follow up as scheduled.",
        )
        == "99214"
    )


def test_long_acting_form_started_by_name_is_prescription_management() -> None:
    assert level("Symptoms continue.", "We will start Vesicare LA.") == "99214"


def test_controlled_on_the_same_drug_stays_low() -> None:
    assert level("Well controlled.", "Continue the current regimen.") == "99213"
