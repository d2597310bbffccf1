"""Round 21: a chronic illness whose treatment so far has failed, as the history tells it, and
that gets a new prescription at the visit is not at its treatment goal (AMA: not stable)."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit


def _level(note: str, status: str = "established") -> dict[str, Any]:
    found = level_visit(analyze(note), patient_status=status)
    assert found is not None
    return found


MIGRAINE = """CHIEF COMPLAINT: Headaches.
HISTORY OF PRESENT ILLNESS: Three months of throbbing headaches twice a week with light
sensitivity. Over-the-counter pain relievers have given her no relief with the attacks.
EXAM: Normal neurologic examination.
IMPRESSION: Migraine without aura.
PLAN: Start propranolol 20 mg twice a day. Return in four weeks.
"""


def test_a_failed_treatment_and_a_new_prescription_is_an_illness_off_goal() -> None:
    found = _level(MIGRAINE)
    assert found["mdm"]["problems"] == "moderate"
    assert found["code"] == "99214"


def test_a_failure_only_foreseen_keeps_the_illness_stable() -> None:
    foreseen = MIGRAINE.replace(
        "Over-the-counter pain relievers have given her no relief with the attacks.",
        "She takes ibuprofen for them.",
    ).replace(
        "Return in four weeks.", "If the headaches do not improve, we will add a second drug."
    )
    found = _level(foreseen)
    assert found["mdm"]["problems"] == "low"
    assert found["code"] == "99213"


def test_a_failure_with_the_same_drug_continued_is_no_new_prescription() -> None:
    kept = MIGRAINE.replace("Start propranolol 20 mg twice a day.", "Continue her medications.")
    assert _level(kept)["mdm"]["problems"] == "low"


PALPITATIONS = """CHIEF COMPLAINT: Racing heartbeat.
PALPITATIONS HISTORY: Spells of a fast heartbeat twice a week. No change with metoprolol.
IMPRESSION: Mitral valve prolapse. Palpitations.
MEDICATION PRESCRIBED: Diltiazem 30 mg four times a day as needed.
FOLLOW UP: Return to the office in 8 weeks.
"""


def test_a_drug_without_effect_told_under_its_own_history_heading() -> None:
    found = _level(PALPITATIONS)
    assert found["mdm"]["problems"] == "moderate"
    assert found["code"] == "99214"
