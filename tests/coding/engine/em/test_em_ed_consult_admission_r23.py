"""A specialist called to the emergency department who recommends the admission ("she should
be admitted to the medicine service") decides on hospitalization - high risk - and talking the
case over with the emergency physician is a discussion of management with another physician.
Traps: an admission named only as a fallback in an if-clause, and the emergency physician named
without any discussion."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import level_visit, visit_setting

ADMIT = """CHIEF COMPLAINT: Right hip pain after a fall.
HISTORY OF PRESENT ILLNESS: An 84-year-old woman fell at home this morning and presents to the
emergency department unable to bear weight. She takes warfarin for atrial fibrillation.
PHYSICAL EXAMINATION: The right leg is shortened and externally rotated. Distal pulses intact.
RADIOGRAPHS: The pelvis film shows a displaced right femoral neck fracture.
LABORATORY STUDIES: CBC normal. Basic metabolic panel normal. INR 2.8.
ASSESSMENT: Displaced right femoral neck fracture.
PLAN: I talked this over with the emergency room physician. She should be admitted to the
medicine service for reversal of her anticoagulation before hemiarthroplasty.
"""

FALLBACK = """CHIEF COMPLAINT: Right hip pain after a fall.
HISTORY OF PRESENT ILLNESS: An 84-year-old woman fell at home this morning and presents to the
emergency department. The emergency room physician examined her first.
PHYSICAL EXAMINATION: Tender over the greater trochanter, full range of motion of the hip.
RADIOGRAPHS: The pelvis film shows no fracture.
ASSESSMENT: Right hip contusion.
PLAN: If her pain cannot be controlled she should be admitted for pain control; otherwise she
can go home with a walker.
"""


def test_recommended_admission_and_talk_with_ed_physician_make_high_mdm() -> None:
    doc = analyze(ADMIT)
    assert visit_setting(doc) == "emergency"
    level = level_visit(doc)
    assert level is not None
    assert level["mdm"]["risk"] == "high"
    assert "discussion" in level["rationale"]
    assert level["code"] == "99285"
    assert [p["code"] for p in code_cpt(ADMIT)["procedures"]] == ["99285"]


def test_admission_only_as_a_fallback_and_ed_physician_named_are_not_counted() -> None:
    level = level_visit(analyze(FALLBACK))
    assert level is not None
    assert level["mdm"]["risk"] != "high"
    assert "discussion" not in level["rationale"]
