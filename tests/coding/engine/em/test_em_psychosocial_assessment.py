"""A social worker's psychosocial assessment (a transplant candidate's coping, income, support
system and housing, no examination) is not a physician's visit: E/M codes are for physicians
and qualified health professionals, so it gets no E/M code - and "her resources are adequate
to support a kidney transplant" is no transplant done. A psychiatric evaluation with an
examination and one coping heading stays a visit."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

ASSESSMENT = """HISTORY OF PRESENT ILLNESS: A 47-year-old man with kidney failure from diabetes was
referred for a transplant psychosocial evaluation.
COPING STRATEGIES: He walks daily and attends church.
SOURCE OF INCOME: He works full time as a machinist.
RELATIONSHIP WITH FAMILY MEMBERS/IDENTIFIED PRIMARY SUPPORT SYSTEM: His wife and sister.
HOUSING: He owns a home near the hospital.
ASSESSMENT: A motivated man with excellent family support. His insurance and resources are
adequate to support a kidney transplant.
RECOMMENDATIONS: He will make a good candidate for kidney transplant from a psychosocial
perspective.
"""

PSYCHIATRY = """CHIEF COMPLAINT: Low mood for two months.
HISTORY OF PRESENT ILLNESS: A 39-year-old woman with worsening depression after losing her job.
COPING STRATEGIES: She has stopped exercising.
MENTAL STATUS EXAMINATION: Tearful, constricted affect, no suicidal ideation.
PHYSICAL EXAMINATION: Vital signs normal.
ASSESSMENT: Major depressive disorder, single episode, moderate.
PLAN: Start sertraline 50 mg daily. Return in four weeks.
"""


def test_psychosocial_assessment_gets_no_code() -> None:
    out = code_cpt(ASSESSMENT)
    assert out["procedures"] == []
    assert "Z94.0" not in [d["code"] for d in out["diagnoses"]]


def test_a_physician_visit_with_a_coping_heading_is_leveled() -> None:
    found = [line["code"] for line in code_cpt(PSYCHIATRY)["procedures"]]
    assert found and found[0].startswith(("992", "9079")), found
