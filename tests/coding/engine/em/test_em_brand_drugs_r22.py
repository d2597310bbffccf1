"""A plan that keeps, stops or starts a prescription drug named only by its brand or generic
name ("keep her on Diovan and Zocor", "stop the Detrol for now") is prescription drug
management (moderate risk) whatever verb it uses; the same drugs only listed under
MEDICATIONS manage nothing at the visit."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

_NOTE = """SUBJECTIVE: A 66-year-old woman seen again for blood pressure and cholesterol.
MEDICATIONS: Diovan, Zocor.
OBJECTIVE: Blood pressure 126/74.
ASSESSMENT: 1. Hypertension, controlled. 2. Hyperlipidemia, at goal.
PLAN: %s Return in six months.
"""


def test_brand_drugs_kept_in_the_plan_are_drug_management() -> None:
    level = level_visit(
        analyze(_NOTE % "Keep her on Diovan and Zocor."), patient_status="established"
    )
    assert level is not None
    assert level["mdm"]["risk"] == "moderate"
    assert level["code"] == "99214"


def test_brand_drug_stopped_is_drug_management() -> None:
    level = level_visit(
        analyze(_NOTE % "She feels dizzy on Diovan, so we will stop the Diovan for now."),
        patient_status="established",
    )
    assert level is not None
    assert level["mdm"]["risk"] == "moderate"


def test_brand_drugs_only_in_the_medication_list_manage_nothing() -> None:
    level = level_visit(analyze(_NOTE % "Diet and walking."), patient_status="established")
    assert level is not None
    assert level["mdm"]["risk"] != "moderate"
