"""A problem addressed at a preventive visit is billed as its own problem-oriented visit with
modifier 25 only when its work is significant (a chronic illness flaring, with a new
prescription); stable chronic illnesses reviewed at the physical are part of it. The state of
an illness may be told in the sentence after its numbered item ("1. Asthma. Worse lately.")."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_HEAD = """CHIEF COMPLAINT: Annual physical examination.
HISTORY OF PRESENT ILLNESS: A 45-year-old woman here for her complete physical.
REVIEW OF SYSTEMS: Otherwise negative.
PHYSICAL EXAMINATION: Normal except as noted.
ASSESSMENT AND PLAN:
"""

FLARE = (
    _HEAD
    + """1. Asthma. It has been worse over the last month, with night cough.
Start fluticasone 110 mcg two puffs twice a day and continue albuterol as needed.
2. Health maintenance. Mammogram ordered. Tetanus booster is up to date.
"""
)

STABLE = (
    _HEAD
    + """1. Hypertension, well controlled. Continue lisinopril 10 mg daily.
2. Hypothyroidism, stable. Continue levothyroxine 75 mcg daily.
3. Health maintenance. Mammogram ordered.
"""
)


def _codes(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_a_flare_treated_at_the_physical_is_a_separate_visit_with_25() -> None:
    assert _codes(FLARE) == [("99396", []), ("99214", ["25"])]


def test_stable_illnesses_reviewed_at_the_physical_are_part_of_it() -> None:
    assert _codes(STABLE) == [("99396", [])]
