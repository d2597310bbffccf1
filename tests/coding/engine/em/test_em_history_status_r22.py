"""New or established from how the note takes the history: the family and social history
with a review of systems is the whole history of a first encounter even when the past
illnesses have no heading of their own; a history told as already on the chart ("Reviewed
and unchanged", "as listed on" an earlier date) is an established patient's."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

WHOLE_HISTORY = """HISTORY OF PRESENT ILLNESS: A 52-year-old woman with a year of heartburn and
two months of food sticking in her chest.
MEDICATIONS: Omeprazole 20 mg daily.
FAMILY HISTORY: Sister with colon polyps.
SOCIAL HISTORY: Smokes half a pack a day.
REVIEW OF SYSTEMS: Positive for heartburn and dysphagia, otherwise negative.
PHYSICAL EXAMINATION: Abdomen soft, nontender.
IMPRESSION: Dysphagia to solids, rule out peptic stricture.
PLAN: Upper endoscopy with possible dilation; risks and benefits were discussed.
"""

HISTORY_ON_CHART = WHOLE_HISTORY.replace(
    "FAMILY HISTORY: Sister with colon polyps.", "FAMILY HISTORY: Reviewed and unchanged."
)

MEDICATIONS_AS_LISTED = WHOLE_HISTORY.replace(
    "MEDICATIONS: Omeprazole 20 mg daily.", "MEDICATIONS: As listed on 03/14/2023."
)


def _status(note: str) -> str:
    level = level_visit(analyze(note))
    assert level is not None
    return str(level["patient_status"])


def test_family_social_history_and_review_of_systems_is_a_first_encounter() -> None:
    level = level_visit(analyze(WHOLE_HISTORY))
    assert level is not None
    assert level["patient_status"] == "new"
    assert level["code"] == "99204"


def test_history_told_as_already_on_the_chart_is_established() -> None:
    assert _status(HISTORY_ON_CHART) == "established"
    assert _status(MEDICATIONS_AS_LISTED) == "established"


def test_unchanged_finding_in_the_assessment_says_nothing_of_status() -> None:
    note = WHOLE_HISTORY.replace("IMPRESSION: Dysphagia", "IMPRESSION: Weight unchanged. Dysphagia")
    assert _status(note) == "new"
