"""Round 21: an undiagnosed problem told by the cause still to be found ('cancer of unknown
origin') or by what the work-up is to exclude ('to make sure there is no ...')."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit


def _level(note: str, status: str = "new") -> dict[str, Any]:
    found = level_visit(analyze(note), patient_status=status)
    assert found is not None
    return found


BLEEDING = """CHIEF COMPLAINT: Blood on the tissue.
HISTORY: A 25-year-old woman with a month of bright red blood on the tissue after hard stools.
IMPRESSION/PLAN: Rectal bleeding. We will do a flexible sigmoidoscopy to make sure there are
no signs of inflammatory bowel disease.
"""


def test_a_work_up_told_as_what_it_excludes_is_an_undiagnosed_problem() -> None:
    assert _level(BLEEDING)["mdm"]["problems"] == "moderate"


def test_making_sure_of_something_else_is_no_work_up() -> None:
    plain = BLEEDING.replace(
        "We will do a flexible sigmoidoscopy to make sure there are\nno signs of inflammatory "
        "bowel disease.",
        "Fiber daily; make sure she drinks enough water.",
    )
    assert _level(plain)["mdm"]["problems"] == "low"


UNKNOWN_PRIMARY = """CHIEF COMPLAINT: Memory loss.
HISTORY: A 63-year-old man with a year of worsening memory. An outside MRI showed signal change
in both temporal lobes, and an EEG and a spinal fluid study were normal.
IMPRESSION: Limbic encephalitis secondary to a cancer of unknown origin.
"""


def test_a_cancer_of_unknown_origin_is_an_undiagnosed_problem() -> None:
    found = _level(UNKNOWN_PRIMARY)
    assert found["mdm"]["problems"] == "moderate"
    assert found["code"] == "99204"  # with three studies reviewed (moderate data)


def test_a_cancer_whose_origin_is_known_is_not() -> None:
    known = UNKNOWN_PRIMARY.replace("a cancer of unknown origin", "his lung cancer")
    found = _level(known)
    assert found["mdm"]["problems"] == "low"
    assert found["code"] == "99203"
