"""The history tells the treatment has not worked when it names the drugs taken "with minimal
relief": with a new prescription at the visit the chronic illness is not at its treatment goal
(a chronic illness with progression, moderate problems). Good relief is no such failure."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

FAILED = """CHIEF COMPLAINT: Right knee pain.
SUBJECTIVE: A 58-year-old woman with osteoarthritis of the right knee comes in today. She has
been taking acetaminophen and over-the-counter naproxen with minimal relief and has trouble
with stairs.
EXAMINATION: Medial joint line tenderness, crepitus, no effusion.
ASSESSMENT: Primary osteoarthritis, right knee.
PLAN: Start meloxicam 15 mg daily and physical therapy. Return in six weeks.
"""

HELPED = FAILED.replace("with minimal relief", "with good relief")


def test_minimal_relief_with_a_new_prescription_is_moderate() -> None:
    level = level_visit(analyze(FAILED), patient_status="established")
    assert level is not None
    assert level["mdm"]["problems"] == "moderate"
    assert level["code"] == "99214"


def test_good_relief_stays_one_stable_chronic_illness() -> None:
    level = level_visit(analyze(HELPED), patient_status="established")
    assert level is not None
    assert level["mdm"]["problems"] == "low"
    assert level["code"] == "99213"
