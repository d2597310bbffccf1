"""A current cigarette smoker told in the social history ("still smokes about a third of a pack
a day", "Tobacco use, averages two cigarettes per day") is F17.210 at a visit; a past habit,
a denial, "quit smoking" or a bare "is a smoker" in the social history add nothing."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_NOTE = """CHIEF COMPLAINT: Cough.
HISTORY OF PRESENT ILLNESS: A 58-year-old man with a week of cough and no fever.
SOCIAL HISTORY: {social}
PHYSICAL EXAMINATION: Lungs clear. No distress.
ASSESSMENT: Acute bronchitis.
PLAN: Supportive care; return if worse.
"""


def codes(social: str) -> set[str]:
    return {d["code"] for d in code_cpt(_NOTE.format(social=social))["diagnoses"]}


def test_a_current_smoker_in_the_social_history_is_f17_210() -> None:
    assert "F17.210" in codes("He still smokes about a third of a pack a day.")
    assert "F17.210" in codes("Smokes 1-2 packs per day and drinks alcohol socially.")


def test_tobacco_use_averaged_per_day_is_f17_210() -> None:
    assert "F17.210" in codes("Tobacco use, averages two cigarettes per day.")


def test_a_past_or_denied_habit_adds_nothing() -> None:
    for social in (
        "He began smoking 2 cigarettes a day at 22 but stopped after a year.",
        "He denies smoking cigarettes.",
        "He quit smoking 30 years ago.",
    ):
        assert not any(c.startswith("F17") for c in codes(social)), social
