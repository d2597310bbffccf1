"""Round 23 (second E/M helper): a threat only to be excluded while the clinician favours a
benign cause is an undiagnosed new problem, and a symptom the hospital works up with tests is
one too (as in the emergency department)."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit, visit_setting


def _level(note: str, status: str = "unknown") -> dict[str, Any]:
    found = level_visit(analyze(note), patient_status=status)
    assert found is not None
    return found


BENIGN_LEAD = """CHIEF COMPLAINT: Aching along the left jaw since last evening.
HISTORY OF PRESENT ILLNESS: A 58-year-old man was admitted to the chest pain unit from the
emergency room. He slept with his chin propped on his hand and woke with the ache.
PAST MEDICAL HISTORY: Hyperlipidemia.
SOCIAL HISTORY: Nonsmoker.
FAMILY HISTORY: Father had bypass surgery.
LABORATORY: EKG within normal limits. First troponin negative.
IMPRESSION:
1. Jaw ache, sounds musculoskeletal to me. Will rule out an angina equivalent.
2. Hyperlipidemia.
PLAN: Continue atorvastatin. Nuclear stress test in the morning.
"""


def test_a_threat_only_excluded_beside_a_benign_leading_cause_is_an_undiagnosed_problem() -> None:
    found = _level(BENIGN_LEAD)
    assert found["mdm"]["problems"] == "moderate"
    assert found["code"] == "99222"


def test_a_threat_ruled_out_without_a_benign_lead_stays_a_threat() -> None:
    found = _level(BENIGN_LEAD.replace("Jaw ache, sounds musculoskeletal to me.", "Jaw ache."))
    assert found["mdm"]["problems"] == "high"
    assert found["code"] == "99223"


WORKED_UP = """HISTORY OF PRESENT ILLNESS: A 39-year-old woman was admitted to the observation unit
with sharp pain under the left breast since this morning.
PAST MEDICAL HISTORY: None.
SOCIAL HISTORY: Nonsmoker.
FAMILY HISTORY: Noncontributory.
LABORATORY DATA: Two troponins negative. D-dimer normal. Chest x-ray clear.
ASSESSMENT AND PLAN:
1. Chest pain, cause not clear.
Home today if she stays pain free.
"""


def test_a_symptom_the_hospital_works_up_with_tests_is_an_undiagnosed_new_problem() -> None:
    assert _level(WORKED_UP)["mdm"]["problems"] == "moderate"


def test_the_same_symptom_at_an_office_visit_is_not_read_as_worked_up() -> None:
    office = WORKED_UP.replace(
        "was admitted to the observation unit\nwith", "comes in today with"
    ).replace("Home today if she stays pain free.", "Follow up in two weeks.")
    assert visit_setting(analyze(office)) == "office"
    assert _level(office)["mdm"]["problems"] == "low"


HEDGED_FEVER = """HISTORY OF PRESENT ILLNESS: A 74-year-old man was admitted with a fever of 39.2
and shaking chills.
PAST MEDICAL HISTORY: Enlarged prostate.
SOCIAL HISTORY: Retired farmer.
FAMILY HISTORY: Noncontributory.
LABORATORY DATA: White count 17,000. Urinalysis with many white cells. Creatinine 1.1.
ASSESSMENT AND PLAN:
1. Fever, possible urinary infection versus prostatitis. Ceftriaxone daily.
"""


def test_results_alone_do_not_turn_a_hedged_febrile_illness_into_a_work_up() -> None:
    # the acute illness with systemic symptoms that needs the hospital stays the high problem
    assert _level(HEDGED_FEVER)["mdm"]["problems"] == "high"
