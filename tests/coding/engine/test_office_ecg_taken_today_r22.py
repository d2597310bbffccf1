"""An electrocardiogram the office takes at the visit, told as done here today in the plan or a
data heading ("we got a 12-lead ECG in clinic today", "EKG today revealed sinus rhythm"), is
93000 beside the visit; an EKG ordered for later, one from an earlier hospital stay, and one
done as part of a stress test are not."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_VISIT = """CHIEF COMPLAINT: Neck pain.
HISTORY OF PRESENT ILLNESS: A 68-year-old woman with neck pain for two months.
PHYSICAL EXAMINATION: Irregular pulse. Neck tender over the lower facets.
ASSESSMENT: Cervical spondylosis. Irregular pulse.
PLAN: Physical therapy twice a week. %s Return in one month.
"""


def test_ecg_obtained_in_clinic_today_in_the_plan() -> None:
    codes = _codes(_VISIT % "Because of the irregular pulse we got a 12-lead ECG in clinic today.")
    assert codes[0].startswith("992")
    assert "93000" in codes


def test_ecg_today_read_under_a_data_heading() -> None:
    note = (
        "HISTORY OF PRESENT ILLNESS: A 59-year-old man referred for palpitations.\n"
        "PHYSICAL EXAMINATION: Regular rhythm, no murmur.\n"
        "DIAGNOSTIC DATA: EKG today revealed sinus rhythm with occasional premature beats.\n"
        "IMPRESSION: Palpitations with premature ventricular beats.\n"
        "PLAN: Reduce caffeine. Holter monitor for 48 hours.\n"
    )
    assert "93000" in _codes(note)


def test_ecg_ordered_for_later_is_not_done() -> None:
    codes = _codes(_VISIT % "We will get an ECG at the hospital lab next week.")
    assert "93000" not in codes


def test_ecg_from_an_earlier_stay_is_not_done_today() -> None:
    codes = _codes(_VISIT % "An ECG done during her hospital stay last month showed sinus rhythm.")
    assert "93000" not in codes
