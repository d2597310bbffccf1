"""A consultant who sees a patient the morning after she came to the emergency room ("presented
to the emergency room last evening", "came to the ER yesterday evening") sees a hospital
patient: initial hospital care, not an emergency department visit. The same arrival told as
this visit ("presents to the emergency room with ...") stays the ED's record."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import visit_setting

NOTE = """CHIEF COMPLAINT: Abdominal pain.
HISTORY OF PRESENT ILLNESS: A 68-year-old woman {arrival} with a week of left lower quadrant
pain and anorexia. No vomiting.
PHYSICAL EXAMINATION: Tender in the left lower quadrant without rebound.
IMPRESSION AND PLAN: Probable sigmoid diverticulitis. Repeat CT of the abdomen and pelvis,
nothing by mouth. No indication for surgery today.
"""


def setting(arrival: str) -> str | None:
    return visit_setting(analyze(NOTE.format(arrival=arrival)))


def test_came_to_the_er_last_evening_is_in_the_hospital() -> None:
    assert setting("presented to the emergency room last evening") == "hospital"
    assert setting("came to the ER yesterday evening") == "hospital"
    assert setting("was brought to the emergency department the previous night") == "hospital"


def test_presenting_now_stays_the_ed_record() -> None:
    assert setting("presents to the emergency room") == "emergency"
