"""A long-standing condition told as now causing symptoms ('symptomatic cholelithiasis') is a
chronic illness with exacerbation or progression (moderate problems), not an acute
uncomplicated problem."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

SURGICAL_CONSULT = """REASON FOR CONSULTATION: Gallstones.
HISTORY OF PRESENT ILLNESS: A 52-year-old man referred with four attacks of right upper
quadrant pain after fatty meals. Ultrasound showed several gallstones.
PHYSICAL EXAMINATION: Abdomen soft, mild right upper quadrant tenderness.
ASSESSMENT: Symptomatic cholelithiasis.
PLAN: Risks and benefits of laparoscopic cholecystectomy were discussed; he wishes to proceed.
"""

SILENT_STONES = SURGICAL_CONSULT.replace("Symptomatic cholelithiasis", "Cholelithiasis")


def test_symptomatic_gallstones_are_a_chronic_illness_with_progression() -> None:
    level = level_visit(analyze(SURGICAL_CONSULT))
    assert level is not None and level["mdm"]["problems"] == "moderate"
    assert level["code"] == "99204"


def test_gallstones_without_symptoms_named_stay_one_chronic_illness() -> None:
    level = level_visit(analyze(SILENT_STONES))
    assert level is not None and level["mdm"]["problems"] == "low"
