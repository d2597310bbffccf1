"""Round 21 readers of the data element: liver tests named one by one (one panel, one test),
and gut contrast studies and other common laboratory tests ordered or reviewed."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit


def _level(note: str, status: str = "unknown") -> dict[str, Any]:
    found = level_visit(analyze(note), patient_status=status)
    assert found is not None
    return found


GALLSTONES = """CHIEF COMPLAINT: Pain after fatty meals.
HISTORY: A 40-year-old woman with two months of right upper quadrant pain after meals. Her
family doctor obtained an ultrasound that showed gallstones; her total bilirubin and white
count were both high.
PAST MEDICAL HISTORY: None.
FAMILY HISTORY: Noncontributory.
SOCIAL HISTORY: Nonsmoker.
IMPRESSION: Gallbladder disease.
PLAN: We will proceed with a laparoscopic cholecystectomy.
"""


def test_a_bilirubin_reviewed_is_a_third_test() -> None:
    # ultrasound, white count and bilirubin: three unique tests reviewed (moderate data), with
    # the operation decided (moderate risk): 99204
    found = _level(GALLSTONES)
    assert found["mdm"]["data"] == "moderate"
    assert found["code"] == "99204"


def test_liver_tests_named_one_by_one_are_one_test() -> None:
    # AST, ALT, alkaline phosphatase and bilirubin are one hepatic panel: with the ultrasound
    # that is two tests (limited data), not five
    panel = GALLSTONES.replace(
        "her total bilirubin and white\ncount were both high.",
        "her AST, ALT, alkaline phosphatase and bilirubin\nwere all high.",
    )
    found = _level(panel)
    assert found["mdm"]["data"] == "limited"
    assert found["code"] == "99203"


BLEEDING = """PROBLEM: Rectal bleeding.
HISTORY: A 30-year-old man with bright red blood on the tissue for a month.
PAST MEDICAL HISTORY: None.
SOCIAL HISTORY: Nonsmoker.
FAMILY HISTORY: Noncontributory.
IMPRESSION/PLAN: Rectal bleeding. We will obtain a small bowel follow through, a TSH and a CBC.
"""


def test_a_small_bowel_series_ordered_is_a_test() -> None:
    assert _level(BLEEDING)["mdm"]["data"] == "moderate"


def test_without_the_contrast_study_two_tests_are_limited_data() -> None:
    two = BLEEDING.replace("a small bowel follow through, ", "")
    assert _level(two)["mdm"]["data"] == "limited"
