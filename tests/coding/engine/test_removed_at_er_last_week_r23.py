"""A removal told with the place and then the time it was done ("a meat impaction cleared in
the emergency room last week", "a foreign body removed at the clinic last month") is history
told in the description, not a service of this note. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_NOTE = (
    "PROCEDURE PERFORMED: Esophagogastroduodenoscopy.\n"
    "DESCRIPTION: She had a meat bolus {} Today the scope was passed to the second part"
    " of the duodenum. The esophagus, stomach and duodenum were normal.\n"
)


def test_impaction_cleared_in_the_er_last_week_is_history() -> None:
    assert _codes(_NOTE.format("cleared in the emergency room last week.")) == ["43235"]


def test_impaction_removed_today_is_coded() -> None:
    # trap: removed at this endoscopy
    note = _NOTE.format("in the distal esophagus, removed today with a Roth net.")
    assert _codes(note) == ["43247"]
