"""Is this text an English clinical note at all?

A note in another language or a page of garbage must yield no codes (and so go to review),
even when some of its words look like procedure names (``colonoscopia``). The test: what share
of the note's words does the coder's own vocabulary know - every word of the concept rules,
section headings and assertion cues, plus common English function words. Terse English
reports ("EXAM: X-ray right knee, 3 views") score high; Spanish or random text scores near
zero.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from agentkit.coding.engine.text.document import Document

__all__ = ["is_english_clinical", "is_patient_handout", "known_share", "vocabulary"]

_FUNCTION_WORDS = (
    "a an the of and or in on to at by for with was were is are be been being as it its this "
    "that these those from then than there here he she his her him they them their we our you "
    "your i my me patient patients had has have having after before into over under upon which "
    "who whom whose what when where while also not no nor but if so such very well all any both "
    "each few more most other some same per via up down out off about above below between "
    "through during without within again further once only own too can will would should could "
    "may might must do does did done performed noted seen showed shows normal left right "
    "bilateral placed removed made using used given time times day days week weeks year years "
    "old male female mr mrs ms dr"
)
_WORD = re.compile(r"[a-z][a-z'&]*")
_MIN_WORDS = 12
_MIN_SHARE = 0.3


@lru_cache(maxsize=1)
def vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    """Exact words and word prefixes the coder knows (rules, headings, cues, function words).

    Kept compiled between processes with the rules (splitting every rule and data file
    took a tenth of the start-up)."""
    from agentkit.coding.engine.compiled_cache import load_or_compile
    from agentkit.coding.engine.cpt.ruleset import RULES_DIR
    from agentkit.coding.engine.data_paths import DATA_DIR

    sources = [*sorted(DATA_DIR.glob("*.yaml")), *sorted(RULES_DIR.glob("*.yaml"))]
    return load_or_compile("language-vocabulary", sources, [], _build_vocabulary, tuple)


def _build_vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    from agentkit.coding.engine.cpt.ruleset import bundled_ruleset
    from agentkit.coding.engine.data_paths import data_file_texts

    words: set[str] = set(_FUNCTION_WORDS.split())
    prefixes: set[str] = set()
    texts = list(data_file_texts())
    for concept in bundled_ruleset().concepts.values():
        texts.extend(concept.phrases)
    for text in texts:
        for raw in re.split(r"[\s()|?~#@,\[\]{}:\"]+", text.lower()):
            if not raw or raw.startswith("~"):
                continue
            if raw.endswith("*"):
                stem = raw[:-1]
                if len(stem) >= 4 and stem.isalpha():
                    prefixes.add(stem)
                continue
            for piece in _WORD.findall(raw):
                if len(piece) >= 2:
                    words.add(piece)
    return frozenset(words), tuple(sorted(prefixes))


@lru_cache(maxsize=1)
def _prefixes_by_head() -> dict[str, tuple[str, ...]]:
    """The vocabulary's prefixes filed by their first letters: a word is compared only with
    the few that can begin it, not with all of them."""
    heads: dict[str, list[str]] = {}
    for p in vocabulary()[1]:
        heads.setdefault(p[:_PREFIX_HEAD], []).append(p)
    return {head: tuple(found) for head, found in heads.items()}


_PREFIX_HEAD = 4  # every prefix has at least this many letters


# Every word met so far, sorted once into those that count (two letters or more, the first a
# letter) and, of them, those the vocabulary knows: a note's words are mostly words earlier
# notes had, so a note is counted by set operations, not a look at each of its words. The
# sets only grow (a word joins ``_SEEN`` after its kind is filed), up to a bound.
_SEEN: set[str] = set()
_COUNTED: set[str] = set()
_KNOWN: set[str] = set()
_SEEN_LIMIT = 200_000


def known_share(doc: Document) -> tuple[int, float]:
    """(number of words, share of them the vocabulary knows)."""
    # a note repeats its words: each distinct word is looked at once, with its count
    counts = Counter(doc.tokens.norms)
    new = counts.keys() - _SEEN
    old = counts.keys() - new if new else counts.keys()
    at = counts.__getitem__
    count = sum(map(at, _COUNTED.intersection(old)))
    known = sum(map(at, _KNOWN.intersection(old)))
    if new:
        words = vocabulary()[0]
        heads = _prefixes_by_head()
        keep = len(_SEEN) < _SEEN_LIMIT
        for w in new:
            if len(w) >= 2 and w[0].isalpha():
                count += counts[w]
                if keep:
                    _COUNTED.add(w)
                if w in words or w.startswith(heads.get(w[:_PREFIX_HEAD], ())):
                    known += counts[w]
                    if keep:
                        _KNOWN.add(w)
        if keep:
            _SEEN.update(new)
    if not count:
        return 0, 0.0
    return count, known / count


def is_english_clinical(doc: Document) -> bool:
    """False for text the coder cannot read: too few known words (see module docstring)."""
    cached = doc.memo.get("english")
    if isinstance(cached, bool):
        return cached
    result = _decide(doc)
    doc.memo["english"] = result
    return result


def _decide(doc: Document) -> bool:
    count, share = known_share(doc)
    if count == 0:
        return False
    if count < _MIN_WORDS:
        return share >= 0.5
    return share >= _MIN_SHARE and not is_patient_handout(doc)


# A patient information handout ("WHAT ARE THE SYMPTOMS?", "HOW IS IT TREATED?" ... "your
# surgeon may advise"): headings asked as questions and the reader addressed as "you". It
# tells what an operation is, not one done: no codes.
_QUESTION_HEADING = re.compile(
    r"^[ \t]*(?:WHAT|HOW|WHEN|WHY|WHO|WHICH|WHERE|DOES|DO|IS|ARE|CAN|SHOULD|WILL)\b"
    r"[^a-z\n]{0,150}\?[ \t]*$",
    re.MULTILINE,
)
_YOU = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_HANDOUT_QUESTIONS = 2
_HANDOUT_YOU = 5


def is_patient_handout(doc: Document) -> bool:
    """Two or more capitalised question headings and the reader called "you" five times or
    more: a patient education handout, not a note of an encounter."""
    text = doc.text
    if "?" not in text:
        return False
    if len(_QUESTION_HEADING.findall(text)) < _HANDOUT_QUESTIONS:
        return False
    return len(_YOU.findall(text)) >= _HANDOUT_YOU
