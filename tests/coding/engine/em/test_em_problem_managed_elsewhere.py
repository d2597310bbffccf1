"""A chronic illness the assessment only notes as another clinician's ("He is followed for his
blood pressure by his internist", "per his PCP") is not a problem addressed at this visit
(AMA): with one stable chronic illness managed here the problems stay low (99213). When the
item also manages the illness (a drug refilled or continued) it counts (99214)."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

NOTE = """HISTORY OF PRESENT ILLNESS: A 66-year-old man returns for follow-up of his asthma. He
uses his inhaler twice a week.
PHYSICAL EXAMINATION: Lungs clear.
ASSESSMENT AND PLAN:
1. Mild persistent asthma, stable. Continue fluticasone 110 mcg twice daily.
2. {item}
Return in six months.
"""


def level(item: str) -> str:
    found = level_visit(analyze(NOTE.format(item=item)), patient_status="established")
    assert found is not None
    return str(found["code"])


def test_problem_only_noted_as_followed_elsewhere_is_not_addressed() -> None:
    assert level("Hypertension. He is followed for his blood pressure by his internist.") == (
        "99213"
    )


def test_problem_managed_here_counts() -> None:
    assert level("Hypertension, stable. Continue lisinopril 10 mg daily.") == "99214"


def test_followed_elsewhere_but_refilled_here_counts() -> None:
    item = "Hypertension, managed by his primary care physician; I refilled his lisinopril 10 mg."
    assert level(item) == "99214"
