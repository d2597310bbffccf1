"""A tuberculin skin test placed at an office visit is 86580 beside the visit; a result read
from an earlier placement, a past test or a test only advised is not a service of the visit."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_NOTE = (
    "SUBJECTIVE: Recheck of blood pressure. She starts work at a school next month and needs "
    "tuberculosis screening.\n"
    "ASSESSMENT: Essential hypertension, controlled.\n"
    "PLAN: Continue lisinopril 10 mg daily. {tb} Follow up in 3 months.\n"
)


def codes(tb: str) -> list[str]:
    return [p["code"] for p in code_cpt(_NOTE.format(tb=tb))["procedures"]]


def test_a_ppd_placed_today_is_86580() -> None:
    assert "86580" in codes("A PPD was placed today on the left forearm; return in 48 hours.")


def test_a_tuberculin_skin_test_we_placed_is_86580() -> None:
    assert "86580" in codes("We placed a tuberculin skin test in the clinic today.")


def test_the_reading_of_an_earlier_test_is_not_86580() -> None:
    assert "86580" not in codes("The PPD placed last week was read today as 0 mm.")


def test_a_test_to_be_done_elsewhere_is_not_86580() -> None:
    assert "86580" not in codes("If needed, a PPD should be placed at the health department.")


def test_packs_per_day_is_not_a_skin_test() -> None:
    assert "86580" not in codes("She smokes 1 ppd and was advised to quit today.")
