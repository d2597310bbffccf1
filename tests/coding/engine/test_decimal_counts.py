"""A decimal before the counted word ("a 95.5-hour video EEG") is a count rounded up, since
CPT's time bands are "more than" thresholds; a decimal size stays a measurement, never a count."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.text.attributes import count_before
from agentkit.coding.engine.text.document import analyze


def count_of(text: str, word: str) -> int | None:
    doc = analyze(text)
    index = doc.tokens.norms.index(word)
    found = count_before(doc, index)
    return None if found is None else found.value


def test_decimal_hours_round_up() -> None:
    assert count_of("This was a 95.5-hour continuous video EEG study.", "hour") == 96
    assert count_of("Recording lasted 12.0 hours in all.", "hours") == 12


def test_decimal_size_is_no_count() -> None:
    assert count_of("A 2.5 cm lesion was excised.", "lesion") is None


def test_long_video_eeg_told_in_decimal_hours() -> None:
    note = (
        "PROCEDURE: Continuous video EEG monitoring.\n"
        "DESCRIPTION: This is a 90.5-hour continuous video EEG monitoring study in the epilepsy "
        "unit. The background is well organized. No epileptiform discharges were recorded.\n"
        "IMPRESSION: Normal prolonged video EEG.\n"
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["95726"]


def test_decimal_before_other_words_is_a_size() -> None:
    assert count_of("Size 2.5 keratoses treated.", "keratoses") is None
