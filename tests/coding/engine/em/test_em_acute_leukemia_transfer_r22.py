"""A patient transferred in from another hospital ("transferred here the evening of 02/03
from Memorial") is in the hospital now; a newly diagnosed acute leukemia is a threat to life,
also when its risk group is named ("high-risk acute lymphoblastic leukemia") - a risk group is
no complication listed among an operation's risks, which stays no problem addressed."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

CONSULT = """CHIEF COMPLAINT: New leukemia.
HISTORY OF PRESENT ILLNESS: A 20-year-old man was transferred here the evening of 03/02/2024
from Memorial Hospital after blasts were found on his blood smear.
PAST MEDICAL HISTORY: None.
FAMILY HISTORY: Noncontributory.
SOCIAL HISTORY: College student.
LABORATORY DATA: White count 41,000 with 70% blasts. Platelets 40,000. LDH 1900.
ASSESSMENT: 1. Newly diagnosed high-risk acute lymphoblastic leukemia.
PLAN: Bone marrow aspirate and biopsy with lumbar puncture tomorrow morning.
"""

RISK_LIST = """HISTORY OF PRESENT ILLNESS: A 60-year-old man returns today to discuss knee
replacement for osteoarthritis.
ASSESSMENT: Osteoarthritis of the right knee. The risks of surgery, including high risk of
pulmonary embolism and stroke, were discussed.
PLAN: Total knee arthroplasty scheduled.
"""


def test_transfer_with_a_date_between_is_hospital_care() -> None:
    level = level_visit(analyze(CONSULT))
    assert level is not None
    assert level["code"].startswith("9922")


def test_newly_diagnosed_high_risk_acute_leukemia_is_a_threat() -> None:
    level = level_visit(analyze(CONSULT))
    assert level is not None
    assert level["mdm"]["problems"] == "high"
    assert level["code"] == "99223"


def test_high_risk_of_a_complication_is_still_a_risk_told() -> None:
    level = level_visit(analyze(RISK_LIST))
    assert level is not None
    assert level["mdm"]["problems"] != "high"
