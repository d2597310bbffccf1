"""A sleep physician's letter on a diagnostic overnight polysomnogram that ends by advising a
repeat study with CPAP titration reports the diagnostic study (95810): the titration is the next
study the writer says would be appropriate, not one done that night. A split-night study whose
titration is told as done stays 95811."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_titration_that_would_be_appropriate_is_not_done() -> None:
    note = (
        "The patient underwent a diagnostic overnight polysomnogram in our sleep laboratory "
        "and the full data are in the attached report.\n"
        "RESULTS: The apnea-hypopnea index was 24 events per hour, worse when supine, and the "
        "lowest oxygen saturation was 86%. Sleep efficiency was 81%.\n"
        "IMPRESSION: Obstructive sleep apnea, moderate.\n"
        "DISCUSSION: The patient was advised about weight loss and avoiding alcohol at night. "
        "It would be reasonable to obtain a repeat overnight polysomnogram with CPAP titration "
        "to find the pressure she needs.\n"
    )
    got = codes(note)
    assert got == ["95810"]


def test_titration_told_as_done_is_95811() -> None:
    note = (
        "PROCEDURE: Attended overnight polysomnogram.\n"
        "FINDINGS: During the first half of the night the apnea-hypopnea index was 38 events "
        "per hour. CPAP was then initiated and titrated from 5 to 11 cm of water, which "
        "eliminated the apneas and the snoring.\n"
        "IMPRESSION: Severe obstructive sleep apnea, well treated with CPAP at 11 cm.\n"
    )
    got = codes(note)
    assert got == ["95811"]
