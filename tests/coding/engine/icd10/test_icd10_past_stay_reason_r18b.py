"""A note without a diagnosis in its assessment falls back to the reason its history of present
illness opens with (round 18b): a hospital stay told as over ("was hospitalized last week for
DKA") gives the episode treated then, not why the patient comes now - neither its code nor an
E/M problem addressed."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import level_visit

_TEACHING = """SUBJECTIVE: A 40-year-old man comes for diet teaching for his type 1 diabetes. He
was hospitalized last week for DKA after a stomach virus.
OBJECTIVE: Insulin pump with a basal total of 28 units a day. A diet history was taken.
ASSESSMENT: We reviewed carbohydrate counting and label reading together.
PLAN: One unit of insulin for every 12 grams of carbohydrate. Call with questions.
"""


def test_past_stay_reason_is_not_this_visits_diagnosis() -> None:
    codes = [d["code"] for d in code_cpt(_TEACHING)["diagnoses"]]
    assert "E10.9" in codes
    assert "E10.10" not in codes


def test_past_stay_reason_is_no_problem_addressed() -> None:
    out = level_visit(analyze(_TEACHING))
    assert out is not None
    assert out["mdm"]["problems"] != "high"


def test_reason_told_now_is_still_coded() -> None:
    note = """HISTORY OF PRESENT ILLNESS: A 52-year-old woman comes in with nausea and vomiting
for two days.
EXAMINATION: Dry mucous membranes. Abdomen soft.
ASSESSMENT: We talked about fluids and a bland diet.
PLAN: Return if not better in two days.
"""
    codes = [d["code"] for d in code_cpt(note)["diagnoses"]]
    assert "R11.2" in codes
