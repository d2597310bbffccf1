"""A test the clinician says is not reviewed yet ("I have not had the chance to look at the
outside echocardiogram", "we will try to get hold of the stress test from his cardiologist",
"the MRI is not available for review") is no data reviewed: it counts only when a sentence
orders it, and the patient's own account of it elsewhere in the note is no review of it."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

UNSEEN = """SUBJECTIVE: A 70-year-old man followed for hypertension. He says a stress test and
an echocardiogram were done at another hospital last month and he was told they were fine.
OBJECTIVE: Blood pressure 128/76.
ASSESSMENT AND PLAN: Hypertension, well controlled on amlodipine 5 mg daily, continue it.
I have not yet had the chance to review the stress test, echocardiogram or CT scan. I will
order a lipid panel and we will try to get hold of the echocardiogram from the other hospital.
Return in four months.
"""

REVIEWED = """SUBJECTIVE: A 70-year-old man followed for hypertension. A stress test and an
echocardiogram were done at another hospital last month.
OBJECTIVE: Blood pressure 128/76.
ASSESSMENT AND PLAN: Hypertension, well controlled on amlodipine 5 mg daily, continue it.
I reviewed the stress test, echocardiogram and CT scan reports; all were normal. I will order
a lipid panel. Return in four months.
"""

NOT_AVAILABLE = """SUBJECTIVE: A 70-year-old man followed for hypertension.
OBJECTIVE: Blood pressure 128/76.
ASSESSMENT AND PLAN: Hypertension, well controlled on amlodipine 5 mg daily, continue it.
His outside stress test and echocardiogram are not available for review today.
Return in four months.
"""


def test_tests_not_reviewed_count_only_when_ordered() -> None:
    level = level_visit(analyze(UNSEEN), patient_status="established")
    assert level is not None
    # only the lipid panel is data: one test ordered
    assert level["mdm"]["data"] == "minimal"
    assert level["code"] == "99213"


def test_tests_reviewed_still_count() -> None:
    level = level_visit(analyze(REVIEWED), patient_status="established")
    assert level is not None
    assert level["mdm"]["data"] == "moderate"
    assert level["code"] == "99214"


def test_tests_not_available_for_review_are_not_data() -> None:
    level = level_visit(analyze(NOT_AVAILABLE), patient_status="established")
    assert level is not None
    assert level["mdm"]["data"] == "minimal"
    assert level["code"] == "99213"
