"""The phrase language coders write triggers in, and its matcher."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import PhraseSet, PhraseSyntaxError, analyze, parse_phrase
from agentkit.coding.engine.text.phrases import check_specific, compile_phrase, expand_phrase


def _words(text: str) -> tuple[str, ...]:
    return analyze(text).tokens.norms


def _match(phrase: str, text: str) -> list[str]:
    ps: PhraseSet[str] = PhraseSet()
    ps.add(phrase, "hit")
    norms = _words(text)
    return [" ".join(norms[m.start : m.end]) for m in ps.find_all(norms)]


def test_literal_words_match_case_insensitively_across_punctuation() -> None:
    assert _match("snare polypectomy", "Snare-polypectomy was done") == ["snare polypectomy"]
    assert _match("post operative", "POST-OPERATIVE diagnosis") == ["post operative"]
    assert _match("post-operative", "post operative") == ["post operative"]


def test_prefix_alternatives_optional_and_gap() -> None:
    assert _match("polypectom*", "polypectomies x2") == ["polypectomies"]
    assert _match("(egd|esophagogastroduodenoscop*)", "an EGD") == ["egd"]
    assert _match("(egd|esophagogastroduodenoscop*)", "Esophagogastroduodenoscopy") != []
    assert _match("the? polyp", "the polyp") == ["the polyp"]
    assert _match("the? polyp", "a polyp") == ["polyp"]
    assert _match("polyp ~3 snare", "polyp was removed with snare") == [
        "polyp was removed with snare"
    ]
    assert _match("polyp ~2 snare", "polyp was removed with snare") == []


def test_numbers_and_number_alternatives() -> None:
    assert _match("# polyps", "3 polyps") == ["3 polyps"]
    assert _match("(#|two) polyps", "two polyps") == ["two polyps"]
    assert _match("# polyps", "three polyps") == []


def test_match_stays_inside_given_token_range() -> None:
    ps: PhraseSet[int] = PhraseSet()
    ps.add("polyp removed", 1)
    norms = _words("polyp removed")
    assert ps.find_all(norms, 0, 1) == []
    assert len(ps.find_all(norms, 0, 2)) == 1


@pytest.mark.parametrize(
    ("phrase", "fragment"),
    [
        ("", "empty"),
        ("~3 polyp", "gap"),
        ("polyp ~3", "gap"),
        ("polyp ~40 snare", "~1 to ~12"),
        ("po*", "too short"),
        ("(snare|hot snare)", "one word"),
        ("(snare", "unbalanced|without"),
        ("snare|polyp", "parentheses"),
        ("the?", "required"),
        ("sn*are", "'*' may only end"),
    ],
)
def test_bad_phrases_say_what_to_write(phrase: str, fragment: str) -> None:
    with pytest.raises(PhraseSyntaxError, match=fragment):
        parse_phrase(phrase)


def test_multi_word_and_nested_alternatives_expand() -> None:
    assert expand_phrase("(right lower quadrant|rlq) incision") == [
        "right lower quadrant incision",
        "rlq incision",
    ]
    assert expand_phrase("(scar revision|debridement of (wound)? edges)") == [
        "scar revision",
        "debridement of (wound)? edges",
    ]
    assert len(compile_phrase("(right lower quadrant|rlq) incision")) == 2
    assert _match("(right lower quadrant|rlq) incision", "a right lower quadrant incision") == [
        "right lower quadrant incision"
    ]


def test_phrases_of_only_common_words_or_numbers_are_refused() -> None:
    for phrase in ("(two|2) views?", "of the", "no"):
        with pytest.raises(PhraseSyntaxError, match="common words"):
            check_specific(phrase)
    check_specific("(two|2) (view|views)")
    check_specific("t and a")


def test_compound_words_match_joined_or_split_where_a_phrase_begins() -> None:
    ps: PhraseSet[str] = PhraseSet()
    ps.add("shock wave lithotripsy", "eswl")
    ps.add("fiberoptic bronchoscop*", "fob")
    ps.add("postoperative", "postop")

    def found(text: str) -> set[str]:
        return {m.payload for m in ps.find_all(text.split())}

    assert found("extracorporeal shockwave lithotripsy") == {"eswl"}
    assert found("shock wave lithotripsy") == {"eswl"}
    assert found("fiber optic bronchoscopy") == {"fob"}
    assert found("post operative") == {"postop"}
    # parts are words of two letters or more: no compound is made of a stray letter
    assert found("a drenal post") == set()
    ps.add("adrenal", "adrenal")
    assert found("a drenal") == set()


def test_a_range_scanned_again_gives_the_same_matches_in_a_list_of_its_own() -> None:
    text = (
        "The patient tolerated the procedure well. A snare polypectomy was done in the "
        "sigmoid colon and the polyp was retrieved. " * 6
    )
    norms = _words(text)
    assert len(norms) >= 64  # a note's tokens: what a set found in a range is kept
    ps: PhraseSet[str] = PhraseSet()
    ps.add("snare polypectomy", "polypectomy")
    first = ps.find_all(norms, 0, 30)
    first.append(first[0])  # a caller may extend its own list
    again = ps.find_all(norms, 0, 30)
    assert [(m.payload, m.start, m.end) for m in again] == [
        ("polypectomy", 7, 9),
        ("polypectomy", 27, 29),
    ]
    ps.add("polyp ~3 retrieved", "retrieval")  # a phrase added later is found in the range
    assert {m.payload for m in ps.find_all(norms, 0, 30)} == {"polypectomy", "retrieval"}


def test_a_few_words_asked_again_give_the_same_matches() -> None:
    ps: PhraseSet[str] = PhraseSet()
    ps.add("obstructive sleep apnea", "osa")
    view = ["obstructive", "sleep", "apnea"]
    first = ps.find_all(view, 0, 3)
    first.clear()  # a caller may change its own list
    assert [(m.payload, m.start, m.end) for m in ps.find_all(view, 0, 3)] == [("osa", 0, 3)]
    assert ps.find_all(view, 0, 2) == []
    ps.add("sleep apnea", "sleep apnea")  # a phrase added later is found in the words
    assert {m.payload for m in ps.find_all(view, 0, 3)} == {"osa", "sleep apnea"}


def test_a_long_range_finds_what_its_sentences_find_in_order() -> None:
    # a note's long ranges are looked at only where a word begins as the set's phrases do
    text = (
        "Informed consent was obtained. A snare polypectomy was done in the sigmoid colon. "
        "The scope was withdrawn and the 3 polyps were retrieved with a net. "
        "Hemostasis was assured and a second snare-polypectomy followed in the cecum. " * 3
    )
    norms = _words(text)
    assert len(norms) >= 64
    ps: PhraseSet[str] = PhraseSet()
    for phrase, payload in [
        ("snare polypectomy", "snare"),
        ("# polyps ~2 retrieved", "retrieved"),
        ("hemostasis", "hemostasis"),
        ("sigmoid colon", "sigmoid"),
    ]:
        ps.add(phrase, payload)
    whole = [(m.payload, m.start, m.end) for m in ps.find_all(norms)]
    # the same phrases found word by word in short pieces of the note, in the same order
    pieces = []
    for lo in range(0, len(norms), 8):
        pieces.extend(
            (m.payload, m.start, m.end)
            for m in ps.find_all(list(norms), lo, len(norms))
            if m.start < lo + 8
        )
    assert whole == pieces
    assert [p for p, _, _ in whole[:5]] == ["snare", "sigmoid", "retrieved", "hemostasis", "snare"]
    assert len(whole) == 15
