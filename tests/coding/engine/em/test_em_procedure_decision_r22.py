"""A procedure weighed with the patient and told by what it does ("whether or not to take the
tube out", "wishes to have the catheter removed") is a decision about a procedure (moderate
risk); a patient who does not want it, or an earlier removal told in the history, is not."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

DECIDED = """HISTORY: A 70-year-old man referred for evaluation of his tunneled dialysis catheter,
unused since his kidney function recovered two months ago. He wants it out.
PAST MEDICAL HISTORY: Acute kidney injury, resolved. Heart failure. Type 2 diabetes.
SOCIAL HISTORY: Former smoker.
EXAMINATION: Catheter site clean, no erythema.
IMPRESSION: Tunneled dialysis catheter no longer needed. Heart failure, stable. Type 2
diabetes, controlled.
RECOMMENDATIONS: We talked about whether or not to remove the catheter now given his heart
failure. He wishes to have the catheter removed and understands it may need to be replaced if
his kidneys fail again. Return next week.
"""

DECLINED = """HISTORY: A 70-year-old man referred for evaluation of a lipoma on his back.
EXAMINATION: Soft, mobile 2 cm mass of the upper back.
IMPRESSION: Lipoma of the back.
RECOMMENDATIONS: He does not wish to have it removed. Return if it grows.
"""

PAST_REMOVAL = """HISTORY: A 70-year-old man referred for evaluation of a lipoma on his back. He had
a similar lipoma on his arm removed in 2015.
EXAMINATION: Soft, mobile 2 cm mass of the upper back.
IMPRESSION: Lipoma of the back.
RECOMMENDATIONS: Observation. Return if it grows.
"""


def test_procedure_decided_with_patient_is_moderate_risk() -> None:
    level = level_visit(analyze(DECIDED))
    assert level is not None
    assert level["mdm"]["risk"] == "moderate"
    assert level["code"] == "99204"


def test_declined_or_past_removal_is_no_procedure_decision() -> None:
    for note in (DECLINED, PAST_REMOVAL):
        level = level_visit(analyze(note))
        assert level is not None
        assert level["mdm"]["risk"] == "minimal", note
