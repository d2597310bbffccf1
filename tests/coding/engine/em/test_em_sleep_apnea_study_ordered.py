"""A sleep apnea study ordered at a visit is a test ordered like a sleep study or a
polysomnogram: with an echocardiogram and a stress test it makes three unique tests (moderate
data), which with several stable chronic illnesses is moderate MDM (99214)."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

VISIT = """HISTORY OF PRESENT ILLNESS: This 61-year-old man returns for follow-up of hypertension
and obesity. He snores loudly and his wife notices pauses in his breathing. No chest pain.
PHYSICAL EXAMINATION: Blood pressure 132/78. Heart regular. Lungs clear.
DIAGNOSES:
1. Hypertension, controlled.
2. Morbid obesity.
3. Type 2 diabetes mellitus, well controlled.
PLAN:
1. {tests}
2. Return in one month.
"""


def level(tests: str) -> str:
    found = level_visit(analyze(VISIT.format(tests=tests)), patient_status="established")
    assert found is not None
    return str(found["code"])


def test_sleep_apnea_study_counts_as_a_test() -> None:
    assert level("Echocardiogram, stress test and a sleep apnea study.") == "99214"


def test_two_tests_stay_limited_data() -> None:
    assert level("Echocardiogram and stress test.") == "99213"
