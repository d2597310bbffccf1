"""Total time on the date of the encounter, however the sentence orders it (2021 office E/M
guidelines: the level by total time, whatever share counseling took): 'Over 65 minutes were
spent with the patient' and 'the length of the visit was 65 minutes' set the level like
'I spent 65 minutes'; minutes spent in a procedure are not the visit's time."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

_NOTE = """CHIEF COMPLAINT: Low back pain.
HISTORY OF PRESENT ILLNESS: A 48-year-old man new to this clinic, referred for back pain of
three months without leg weakness or bladder trouble.
PHYSICAL EXAMINATION: Tender lower lumbar paraspinal muscles. Strength and reflexes normal.
ASSESSMENT: Mechanical low back pain.
PLAN: Home stretching program and ibuprofen as needed. Back in six weeks.
{time}
"""


def _level(time: str) -> dict[str, object]:
    out = level_visit(analyze(_NOTE.format(time=time)), patient_status="new")
    assert out is not None
    return out


def test_minutes_told_before_spent_set_the_level() -> None:
    out = _level("Over 65 minutes were spent with the patient and his wife today.")
    assert out["code"] == "99205"
    assert out["basis"] == "time" and out["total_minutes"] == 65


def test_the_length_of_the_visit_sets_the_level() -> None:
    out = _level("The length of this visit was 65 minutes, mostly in education.")
    assert out["code"] == "99205" and out["total_minutes"] == 65


def test_minutes_spent_in_a_procedure_are_not_the_visit_time() -> None:
    out = _level("Some 65 minutes were spent in the procedure room for an injection.")
    assert out["code"] != "99205"
