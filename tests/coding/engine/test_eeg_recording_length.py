"""A routine EEG recorded with synchronous video for a stated number of minutes is the routine
study (the long-term monitoring codes start at two hours)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def test_routine_eeg_with_video_for_minutes_is_the_routine_study() -> None:
    note = (
        "PROCEDURE: EEG.\n"
        "DESCRIPTION: The background activity in wakefulness is a symmetric 10 Hz posterior "
        "dominant rhythm. Synchronous video monitoring showed no clinical events. Recording "
        "time was 25 minutes. Stage II sleep with sleep spindles was recorded.\n"
        "IMPRESSION: Normal awake and asleep EEG.\n"
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["95819"]
