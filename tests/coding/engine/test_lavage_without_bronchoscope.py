"""A lavage through a catheter passed down the endotracheal tube with no bronchoscope (an ICU
"blind" or mini BAL) is no bronchoscopic lavage: no 31624 from the rules (the codebook fallback
may still propose it for review, at low confidence). A bronchoscope passed for the lavage is
31624."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

BLIND = """PREOPERATIVE DIAGNOSIS: Ventilator-associated pneumonia suspected.
PROCEDURE: Nonbronchoscopic alveolar lavage.
DESCRIPTION: Under sterile technique a lavage catheter was passed through the endotracheal tube
until it wedged. Three 20 mL aliquots of saline were instilled and aspirated, and the return was
sent for quantitative cultures. The patient tolerated it without desaturation.
"""

SCOPE = """PREOPERATIVE DIAGNOSIS: Ventilator-associated pneumonia suspected.
PROCEDURE: Bronchoscopy with bronchoalveolar lavage.
DESCRIPTION: A flexible bronchoscope was passed through the endotracheal tube and wedged in the
right lower lobe. Three 20 mL aliquots of saline were instilled and aspirated, and the return was
sent for quantitative cultures.
"""


def test_catheter_lavage_down_the_tube_is_not_coded_as_a_rule_bronchoscopy() -> None:
    lines = code_cpt(BLIND)["procedures"]
    assert all(ln["confidence"] < 0.85 for ln in lines if ln["code"] == "31624")


def test_lavage_through_a_bronchoscope_is_31624() -> None:
    lines = code_cpt(SCOPE)["procedures"]
    assert [ln["code"] for ln in lines] == ["31624"]
    assert lines[0]["confidence"] >= 0.85
