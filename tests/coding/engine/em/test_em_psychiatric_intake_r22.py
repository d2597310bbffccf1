"""Psychiatric diagnostic evaluations beyond the full headings: the abbreviated headings of a
psychiatrist's evaluation ("PPH:", "MSE:"), and a therapist's intake with a new patient that
closes with a DSM multiaxial diagnosis (Axis I to Axis V) - 90791, no medical services. A
return visit with the same axes keeps its E/M code, and so does a medical visit."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

INTAKE = """REASON FOR REFERRAL: A 9-year-old boy referred by his pediatrician for angry
outbursts at home and school. This was a 60-minute first session with his father.
PRESENTING PROBLEMS: Father reports daily tantrums since the parents separated last year.
FAMILY BACKGROUND: Lives with his father and a younger sister.
DIAGNOSTIC IMPRESSION: The boy meets criteria for an adjustment disorder with disturbance of
conduct.
PLAN: I will see the boy alone next week and gave the father a behavior checklist.
AXIS I: Adjustment disorder with disturbance of conduct.
AXIS II: No diagnosis.
AXIS III: None.
AXIS IV: Parental separation.
AXIS V: GAF 60.
"""

ABBREVIATED = """CC: Feeling hopeless for two months.
HPI: A 38-year-old man referred for evaluation of depression with poor sleep and appetite.
PPH: One prior episode of depression treated with sertraline ten years ago.
SOCIAL HISTORY: Works as a teacher, married.
MSE: Casually dressed, slowed speech, mood depressed, affect constricted, no suicidal ideation.
DIAGNOSIS: Major depressive disorder, single episode, moderate.
PLAN: Start sertraline 50 mg daily. Return in four weeks.
"""

RETURN_VISIT = """SUBJECTIVE: A 9-year-old boy returns for his fourth session; tantrums are down
to twice a week.
ASSESSMENT: Improving.
PLAN: Continue weekly sessions.
AXIS I: Adjustment disorder with disturbance of conduct.
AXIS V: GAF 65.
"""


def _codes(note: str) -> list[str]:
    return [line["code"] for line in code_cpt(note)["procedures"]]


def test_therapist_intake_with_multiaxial_diagnosis_is_90791() -> None:
    assert _codes(INTAKE) == ["90791"]


def test_abbreviated_headings_with_prescription_are_90792() -> None:
    assert _codes(ABBREVIATED) == ["90792"]


def test_return_visit_with_axes_keeps_its_visit_code() -> None:
    codes = _codes(RETURN_VISIT)
    assert codes and codes[0].startswith("9921")
