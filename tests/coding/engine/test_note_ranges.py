"""Phrase sets sharing a note's sentence word sets match what a fresh set matches."""

from __future__ import annotations

from agentkit.coding.engine.text.document import analyze
from agentkit.coding.engine.text.phrases import PhraseMatch, PhraseSet

NOTE = (
    "PREOPERATIVE DIAGNOSIS: Left knee medial meniscus tear.\n"
    "PROCEDURE PERFORMED: Left knee arthroscopy with partial medial meniscectomy.\n"
    "DESCRIPTION: The patient was brought to the operating room and placed supine. The left "
    "lower extremity was prepped and draped. Standard portals were made and the scope was "
    "introduced. A tear of the posterior horn of the medial meniscus was found and trimmed "
    "with a shaver back to a stable rim. The lateral compartment was normal. The knee was "
    "irrigated and the portals were closed with nylon. Status post left knee arthroscopy, "
    "the patient went to recovery in stable condition.\n"
)
PHRASES = ["left knee", "knee arthroscop*", "(medial|lateral) ~3 menisc*", "status post ~3 knee"]


def _set(phrases: list[str]) -> PhraseSet[int]:
    ps: PhraseSet[int] = PhraseSet()
    for i, p in enumerate(phrases):
        ps.add(p, i)
    return ps


def _key(found: list[PhraseMatch[int]]) -> list[tuple[int, int, int, str]]:
    return [(m.payload, m.start, m.end, m.phrase) for m in found]


def test_asking_again_gives_the_same_matches_as_a_fresh_set() -> None:
    doc = analyze(NOTE)
    norms = doc.tokens.norms
    assert len(norms) >= 64  # a note's tokens: its sentence word sets are shared
    ps = _set(PHRASES)
    first = [ps.find_all(norms, s.tok_lo, s.tok_hi) for s in doc.sentences]
    other = _set(["(portal|portals)", "stable"])  # another set over the same ranges
    for s in doc.sentences:
        other.find_all(norms, s.tok_lo, s.tok_hi)
    again = [ps.find_all(norms, s.tok_lo, s.tok_hi) for s in doc.sentences]
    fresh = [_set(PHRASES).find_all(norms, s.tok_lo, s.tok_hi) for s in doc.sentences]
    assert [_key(f) for f in first] == [_key(f) for f in again] == [_key(f) for f in fresh]
    assert sum(map(len, first)) >= 5
    assert _key(ps.find_all(norms)) == _key(_set(PHRASES).find_all(norms))


def test_a_phrase_added_after_a_scan_is_found_on_the_next() -> None:
    norms = analyze(NOTE).tokens.norms
    ps = _set(PHRASES)
    before = ps.find_all(norms)
    ps.add("nylon", 99)
    after = ps.find_all(norms)
    assert 99 not in {m.payload for m in before}
    assert 99 in {m.payload for m in after}
