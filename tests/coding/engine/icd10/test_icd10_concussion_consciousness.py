"""A concussion is coded with loss of consciousness (S06.0X9A) when the note tells the loss
anywhere - usually in the history of the injury, seldom in the diagnosis list - without it
(S06.0X0A) when it is denied, and with its status unknown (S06.0XAA: the FY2023 tabular puts
"Concussion NOS" there) when the note does not tell it.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_NOTE = """HISTORY OF PRESENT ILLNESS: A 16-year-old struck his head in a football tackle an hour
ago. {story} He now has a headache and is nauseated.
PHYSICAL EXAMINATION: Alert and oriented. Cranial nerves intact. No focal deficits.
ASSESSMENT: Concussion.
PLAN: No sports until cleared. Return for worsening headache or vomiting.
"""


def _codes(story: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(_NOTE.format(story=story)))]


def test_loss_of_consciousness_told_in_the_history_is_coded_with_the_concussion() -> None:
    assert "S06.0X9A" in _codes("There was a brief loss of consciousness.")
    assert "S06.0X9A" in _codes("He was unconscious for about a minute.")


def test_a_denied_loss_of_consciousness_is_a_concussion_without_it() -> None:
    assert "S06.0X0A" in _codes("There was no loss of consciousness.")
    assert "S06.0X0A" in _codes("He did not lose consciousness.")


def test_an_untold_loss_of_consciousness_is_status_unknown() -> None:
    assert "S06.0XAA" in _codes("He walked off the field.")
