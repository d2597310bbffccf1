"""A visit the note tells as a consultation ("she comes in today in consultation from Dr. A")
is reported with the new-patient codes (house rule for consultations), even when the note
takes no full history; "comes in today for her follow-up" stays established."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit


def _status(opening: str) -> str:
    note = (
        f"{opening}\n\n"
        "PHYSICAL EXAMINATION: Well appearing. Abdomen soft. Pelvic: normal vulva and vagina.\n\n"
        "ASSESSMENT: Irregular menses.\n"
        "PLAN: Start a low-dose oral contraceptive; recheck in three months.\n"
    )
    out = level_visit(analyze(note))
    assert out is not None
    return str(out["patient_status"])


def test_comes_in_today_in_consultation_is_a_new_patient() -> None:
    assert (
        _status(
            "A 24-year-old G0. She comes in today in consultation from Dr. Lee because of"
            " irregular periods."
        )
        == "new"
    )


def test_comes_in_for_her_follow_up_is_established() -> None:
    assert (
        _status("A 24-year-old G0. She comes in today for follow-up of irregular periods.")
        == "established"
    )
