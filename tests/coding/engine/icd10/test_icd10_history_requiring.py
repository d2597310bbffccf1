"""A past condition told with what it once needed ("history of respiratory failure requiring
intubation", "history of a foot infection requiring a ray resection") is history: the cue that
reaches on to the treatment covers the condition in its gap too. A condition told now with a
past event beside it is still coded. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def _codes(impression: str) -> list[str]:
    note = f"HISTORY: Seen in the clinic for follow up.\nIMPRESSION:\n{impression}\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_a_past_failure_that_needed_a_ventilator_is_not_coded() -> None:
    found = _codes(
        "1. Severe emphysema with a history of respiratory failure requiring"
        " mechanical ventilation."
    )
    assert "J43.9" in found
    assert not any(c.startswith("J96") for c in found)


def test_history_of_failure_requiring_intubation_alone() -> None:
    found = _codes("1. History of respiratory failure requiring intubation last winter.")
    assert not any(c.startswith("J96") for c in found)


def test_respiratory_failure_now_is_coded() -> None:
    found = _codes("1. Chronic respiratory failure requiring home oxygen.")
    assert "J96.10" in found
