"""Sentence splitting keeps offsets and handles the way dictation punctuates."""

from __future__ import annotations

from agentkit.coding.engine import analyze


def _sentences(note: str) -> list[str]:
    doc = analyze(note)
    for s in doc.sentences:
        assert note[s.start : s.end] == s.text
    return [s.text for s in doc.sentences]


def test_decimals_abbreviations_and_list_numbers_do_not_split() -> None:
    note = (
        "1. Colonoscopy. 2. Polypectomy.\n"
        "The polyp was 1.5 cm. Dr. Lee removed it, e.g. with a snare."
    )
    assert _sentences(note) == [
        "1. Colonoscopy.",
        "2. Polypectomy.",
        "The polyp was 1.5 cm.",
        "Dr. Lee removed it, e.g. with a snare.",
    ]


def test_line_breaks_split_unless_the_line_is_wrapped() -> None:
    note = "Hemostasis was\nobtained\nCounts correct\n- Dressing applied"
    assert _sentences(note) == ["Hemostasis was\nobtained", "Counts correct", "- Dressing applied"]


def test_sentences_never_cross_a_section_boundary() -> None:
    doc = analyze("FINDINGS: normal mucosa\nIMPRESSION: normal colon")
    assert [(s.section_kind, s.text) for s in doc.sentences] == [
        ("findings", "normal mucosa"),
        ("impression", "normal colon"),
    ]


def test_sentence_at_offset() -> None:
    note = "First one. Second one."
    doc = analyze(note)
    sent = doc.sentence_at(note.index("Second"))
    assert sent is not None and sent.text == "Second one."
    assert doc.sentence_at(len(note) + 5) is None
