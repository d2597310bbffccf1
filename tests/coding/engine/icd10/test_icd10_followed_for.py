"""The condition a visit follows, told in the history as the reason for the visit ("I am
following the patient today for immune thrombocytopenia"), is coded though the assessment
only tells how it goes (guideline IV.D); a past treatment is no reason for this visit.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_VISIT = """SUBJECTIVE: {story} She feels well and has no new complaints.
OBJECTIVE: Blood pressure 128/76. Lungs clear. Heart regular.
ASSESSMENT: Stable. Labs reviewed with her.
PLAN: Continue the current regimen. Return in three months.
"""


def _codes(story: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(_VISIT.format(story=story)))]


def test_the_condition_followed_is_the_reason_for_the_visit() -> None:
    assert "D69.3" in _codes("I am following the patient today for immune thrombocytopenia.")
    assert "I10" in _codes("A 70-year-old woman with the problem of essential hypertension.")


def test_a_followup_of_a_condition_is_its_reason() -> None:
    assert "I48.91" in _codes("She is in today for a followup of her atrial fibrillation.")


def test_a_past_treatment_is_no_reason_for_this_visit() -> None:
    assert "J18.9" not in _codes("She was recently treated for pneumonia at another hospital.")


def test_a_condition_already_coded_is_not_coded_twice() -> None:
    note = _VISIT.format(story="I am following her for hypertension.").replace(
        "ASSESSMENT: Stable.", "ASSESSMENT: Essential hypertension, controlled."
    )
    assert [d["code"] for d in code_diagnoses(analyze(note))].count("I10") == 1
