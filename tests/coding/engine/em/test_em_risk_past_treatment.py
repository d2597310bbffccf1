"""A treatment named as the cause of a side effect ('hearing loss related to chemotherapy') is no
management decision of the visit: not the high risk of a chemotherapy decision."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em.cues import cues
from agentkit.coding.engine.em.elements import risk_element

SIDE_EFFECT_OF_PAST_CHEMO = """ASSESSMENT:
1. Tonsil cancer, no evidence of recurrence.
2. Hearing loss related to chemotherapy; chemotherapy-induced neuropathy of the feet.
PLAN: Gabapentin 300 mg at bedtime. Audiogram in six months.
"""

CHEMO_DECIDED = """ASSESSMENT: Breast cancer, stage II.
PLAN: We recommended adjuvant chemotherapy and she agrees to start next week.
"""


def test_a_side_effect_of_past_chemotherapy_is_not_a_chemotherapy_decision() -> None:
    assert risk_element(analyze(SIDE_EFFECT_OF_PAST_CHEMO), cues()).name == "moderate"


def test_a_chemotherapy_decision_is_high_risk() -> None:
    assert risk_element(analyze(CHEMO_DECIDED), cues()).name == "high"
