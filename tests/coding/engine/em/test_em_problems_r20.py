"""Round 20 readers of the problems addressed: a drug stopped for the reaction it caused, an
illness whose treatment goes on to an operation, and a chronic illness off goal by a measure at
admission."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import level_visit


def _level(note: str, status: str = "unknown") -> dict[str, Any]:
    found = level_visit(analyze(note), patient_status=status)
    assert found is not None
    return found


def _em(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"] if p["code"].startswith("99")]


HIVES = """HISTORY OF PRESENT ILLNESS: She returns for follow up of urinary infections. She took
the nitrofurantoin prophylaxis one night and developed hives, which have since cleared.
IMPRESSION: Recurrent urinary tract infection; stopped the prophylactic nitrofurantoin due to
hives.
PLAN: Urine culture today. Start cephalexin 250 mg at bedtime as prophylaxis.
"""


def test_a_drug_stopped_for_the_reaction_it_caused_is_a_side_effect_of_treatment() -> None:
    found = _level(HIVES)
    assert found["mdm"]["problems"] == "moderate"
    assert _em(HIVES) == ["99214"]


def test_a_stop_for_a_reason_that_is_no_drug_reaction_is_no_side_effect() -> None:
    other = HIVES.replace(
        "stopped the prophylactic nitrofurantoin due to\nhives", "she stopped swimming due to\nit"
    )
    assert _level(other)["mdm"]["problems"] == "low"


KNEE = """HISTORY OF PRESENT ILLNESS: She returns for her right knee. Injections and therapy have
not helped and she cannot walk a block.
ASSESSMENT: Osteoarthritis of the right knee.
PLAN: We discussed the risks and benefits and she would like to proceed with a right total knee
arthroplasty, which will be scheduled next month.
"""


def test_a_chronic_illness_whose_treatment_goes_on_to_an_operation_is_not_at_goal() -> None:
    found = _level(KNEE)
    assert found["mdm"]["problems"] == "moderate"
    assert found["code"] == "99214"


def test_an_operation_kept_for_later_does_not_step_the_treatment_up() -> None:
    later = KNEE.replace(
        "We discussed the risks and benefits and she would like to proceed with a right total "
        "knee\narthroplasty, which will be scheduled next month.",
        "Continue meloxicam 15 mg daily. If she is no better, we may talk about surgery.",
    )
    assert _level(later)["mdm"]["problems"] == "low"


ADMISSION = """ADMISSION HISTORY AND PHYSICAL
IDENTIFYING DATA: A 40-year-old man admitted to the psychiatric unit on an involuntary hold.
PAST MEDICAL HISTORY: Hyperlipidemia on gemfibrozil.
LABORATORY DATA: CMP normal. CBC with a white count of 17. Chest x-ray and urinalysis normal.
ASSESSMENT: Hyperlipidemia with elevated triglycerides.
PLAN: Continue gemfibrozil 600 mg twice a day. Recheck a lipid panel in one week.
"""


def test_a_chronic_illness_off_goal_by_a_measure_is_no_threat_at_admission() -> None:
    found = _level(ADMISSION)
    assert found["mdm"]["problems"] == "moderate"
    assert found["code"] == "99222"


def test_a_flare_that_brings_the_patient_in_is_a_threat_at_admission() -> None:
    flare = ADMISSION.replace(
        "Hyperlipidemia with elevated triglycerides.",
        "COPD exacerbation.",
    )
    assert _level(flare)["mdm"]["problems"] == "high"
