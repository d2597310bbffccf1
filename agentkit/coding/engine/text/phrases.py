"""The phrase language of concept rules and assertion cues, and a fast matcher for it.

Coding experts write triggers as plain phrases, never as regular expressions, so that no rule
can backtrack catastrophically and a rule reads like the note it matches. A phrase is a
sequence of word elements separated by spaces, matched case-insensitively on word tokens
(punctuation and hyphens only separate words):

=================  =================================================================
``snare``          the word *snare*
``polypectom*``    any word starting with *polypectom* (at least 3 letters before ``*``)
``(egd|upper)``    one word out of the alternatives (each may end in ``*``)
``the?``           an optional word (also ``(a|the)?``)
``~4``             up to 4 arbitrary words (a gap, 1-12; never first or last)
``#``              a number written in digits (``3``, ``10``); also inside ``(#|one)``
=================  =================================================================

``post-operative`` is the two words *post operative*; ``s/p`` is *s p*. A compound written
joined or split (``shockwave`` / ``shock wave``) matches either way where a phrase begins. A
phrase matches inside one sentence. Matching dispatches on the first word through a hash table
and then checks the rest with bounded branching, so the work is linear in the length of the
note.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from sys import intern
from typing import Any, Generic, NamedTuple, TypeVar

from agentkit.coding.engine.text.note_ranges import MIN_NOTE_WORDS, NoteRanges, note_ranges
from agentkit.coding.engine.text.phrase_tries import (
    EMPTY_TABLE,
    TryBuilder,
    TryTable,
    word_heads,
)

__all__ = [
    "MAX_GAP",
    "Element",
    "PhraseMatch",
    "PhraseSet",
    "PhraseSyntaxError",
    "check_specific",
    "compile_phrase",
    "expand_phrase",
    "parse_phrase",
]

T = TypeVar("T")

MAX_GAP = 12
# A phrase must require at least one word outside this list, or it would match every note.
_TOO_COMMON_TEXT = (
    "a an the of and or in on to at by for with was were is are be as it this that from t s "
    "p no not one two three four five six seven eight nine ten"
)
_TOO_COMMON = frozenset(_TOO_COMMON_TEXT.split())
_MIN_PREFIX = 3
_WORD = re.compile(r"[^\W_]+(?:&[^\W_]+)*")
_GAP = re.compile(r"~([0-9]{1,2})")


class PhraseSyntaxError(ValueError):
    """A phrase cannot be compiled; the message says what to write instead."""


@dataclass(frozen=True, slots=True)
class Element:
    """One position of a phrase: a word test, a gap of up to ``gap`` words, or a number."""

    exact: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    optional: bool = False
    gap: int = 0
    number: bool = False

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # rebuilt through the constructor: unpickling compiled rules stays fast
        return (Element, (self.exact, self.prefixes, self.optional, self.gap, self.number))

    def accepts(self, word: str) -> bool:
        if word in self.exact:
            return True
        if self.prefixes and word.startswith(self.prefixes):
            return True
        return self.number and word.isdigit()


def _word_alternative(alt: str, phrase: str) -> tuple[str | None, str | None]:
    """``word`` -> (word, None); ``word*`` -> (None, prefix)."""
    star = alt.endswith("*")
    core = alt[:-1] if star else alt
    pieces = _WORD.findall(core.lower())
    if len(pieces) != 1 or "*" in core:
        raise PhraseSyntaxError(
            f"in phrase {phrase!r}: {alt!r} inside ( | ) must be one word; "
            "write a second phrase for a multi-word alternative"
        )
    word = pieces[0]
    if star:
        if len(word) < _MIN_PREFIX:
            raise PhraseSyntaxError(
                f"in phrase {phrase!r}: prefix {alt!r} is too short; give at least "
                f"{_MIN_PREFIX} letters before '*'"
            )
        return None, word
    return word, None


MAX_EXPANSIONS = 256
_EMPTY = "empty phrase; write the words a note uses, e.g. 'snare polypectomy'"


def split_units(phrase: str) -> list[str]:
    """Split a phrase on spaces, keeping ``( ... )`` groups (which may hold spaces) whole."""
    if "(" not in phrase and ")" not in phrase:
        return phrase.split()
    units: list[str] = []
    buf: list[str] = []
    depth = 0
    for ch in phrase:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise PhraseSyntaxError(f"in phrase {phrase!r}: ')' without '('")
        if ch.isspace() and depth == 0:
            if buf:
                units.append("".join(buf))
                buf = []
            continue
        buf.append(ch)
    if depth != 0:
        raise PhraseSyntaxError(f"in phrase {phrase!r}: '(' without ')'")
    if buf:
        units.append("".join(buf))
    return units


def _split_alternatives(body: str, phrase: str) -> list[str]:
    """Split the inside of a group on its own ``|`` (not those of nested groups)."""
    alts: list[str] = []
    depth = 0
    buf: list[str] = []
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            alts.append("".join(buf))
            buf = []
            continue
        buf.append(ch)
    alts.append("".join(buf))
    alts = [" ".join(a.split()) for a in alts]
    if any(not a for a in alts):
        raise PhraseSyntaxError(f"in phrase {phrase!r}: empty alternative in ({body})")
    return alts


def expand_phrase(phrase: str, _depth: int = 0) -> list[str]:
    """Rewrite groups whose alternatives are phrases, ``(right lower quadrant|rlq)`` or
    ``(scar revision|debridement of ~3 (wound)? edges)``, as several phrases of single-word
    groups, which the matcher indexes directly."""
    if not isinstance(phrase, str) or not phrase.strip():
        raise PhraseSyntaxError(_EMPTY)
    if _depth > 4:
        raise PhraseSyntaxError(f"in phrase {phrase!r}: groups are nested too deeply")
    variants: list[list[str]] = [[]]
    for unit in split_units(phrase):
        optional = unit.endswith("?")
        body = unit[:-1] if optional else unit
        if body.startswith("(") and body.endswith(")"):
            alts = _split_alternatives(body[1:-1], phrase)
            if any(" " in a or "(" in a for a in alts):
                expanded: list[str] = []
                for a in alts:
                    expanded.extend(expand_phrase(a, _depth + 1))
                if optional:
                    expanded.append("")
                variants = [v + ([a] if a else []) for v in variants for a in expanded]
                if len(variants) > MAX_EXPANSIONS:
                    raise PhraseSyntaxError(
                        f"in phrase {phrase!r}: too many combinations of alternatives; split it "
                        "into several phrases"
                    )
                continue
        variants = [[*v, unit] for v in variants]
    return [" ".join(v) for v in variants if v]


def compile_phrase(phrase: str) -> list[tuple[Element, ...]]:
    """All element sequences of a phrase (one per expansion); raises PhraseSyntaxError."""
    return list(_compiled(phrase))


@lru_cache(maxsize=65536)
def _compiled(phrase: str) -> tuple[tuple[Element, ...], ...]:
    return tuple(parse_phrase(p) for p in expand_phrase(phrase))


def parse_phrase(phrase: str) -> tuple[Element, ...]:
    """Compile one phrase whose groups hold single words; raise :class:`PhraseSyntaxError`
    with a fix when it is malformed (:func:`compile_phrase` also takes multi-word groups)."""
    if not isinstance(phrase, str) or not phrase.strip():
        raise PhraseSyntaxError(_EMPTY)
    elements: list[Element] = []
    for raw in split_units(phrase):
        gap = _GAP.fullmatch(raw)
        if gap:
            n = int(gap.group(1))
            if not 1 <= n <= MAX_GAP:
                raise PhraseSyntaxError(f"in phrase {phrase!r}: gap {raw} must be ~1 to ~{MAX_GAP}")
            elements.append(Element(gap=n))
            continue
        if raw == "#":
            elements.append(Element(number=True))
            continue
        optional = raw.endswith("?")
        body = raw[:-1] if optional else raw
        if body.startswith("("):
            if not body.endswith(")") or body.count("(") != 1 or body.count(")") != 1:
                raise PhraseSyntaxError(
                    f"in phrase {phrase!r}: {raw!r} has unbalanced parentheses; write (a|b) with "
                    "no spaces inside"
                )
            alts = [a for a in body[1:-1].split("|")]
            if any(not a for a in alts):
                raise PhraseSyntaxError(f"in phrase {phrase!r}: empty alternative in {raw!r}")
            exact: set[str] = set()
            prefixes: list[str] = []
            number = False
            for alt in alts:
                if alt == "#":
                    number = True
                    continue
                w, p = _word_alternative(alt, phrase)
                if w is not None:
                    exact.add(w)
                if p is not None:
                    prefixes.append(p)
            elements.append(Element(frozenset(exact), tuple(prefixes), optional, number=number))
            continue
        if any(c in body for c in "()|~#"):
            raise PhraseSyntaxError(
                f"in phrase {phrase!r}: {raw!r} mixes words with ( | ~ #; put alternatives in "
                "parentheses with no spaces, e.g. (snare|snared)"
            )
        star = body.endswith("*")
        core = body[:-1] if star else body
        if "*" in core:
            raise PhraseSyntaxError(f"in phrase {phrase!r}: '*' may only end a word ({raw!r})")
        pieces = _WORD.findall(core.lower())
        if not pieces:
            raise PhraseSyntaxError(f"in phrase {phrase!r}: {raw!r} has no letters or digits")
        if optional and len(pieces) > 1:
            raise PhraseSyntaxError(f"in phrase {phrase!r}: '?' needs a single word ({raw!r})")
        for k, piece in enumerate(pieces):
            last = k == len(pieces) - 1
            if star and last:
                if len(piece) < _MIN_PREFIX:
                    raise PhraseSyntaxError(
                        f"in phrase {phrase!r}: prefix {raw!r} is too short; give at least "
                        f"{_MIN_PREFIX} letters before '*'"
                    )
                elements.append(Element(prefixes=(piece,), optional=optional))
            else:
                elements.append(Element(exact=frozenset((piece,)), optional=optional))
    if elements[0].gap or elements[-1].gap:
        raise PhraseSyntaxError(f"in phrase {phrase!r}: a phrase cannot start or end with a gap")
    if all(e.optional or e.gap for e in elements):
        raise PhraseSyntaxError(f"in phrase {phrase!r}: at least one word must be required")
    return tuple(_shared(e) for e in elements)


_ELEMENTS: dict[Element, Element] = {}


def _shared(element: Element) -> Element:
    """One instance per distinct element: thousands of phrases repeat the same words, and
    shared elements keep the compiled rules small to load and cheap for the garbage collector
    to walk."""
    if len(_ELEMENTS) >= _SHARED_LIMIT:
        return _ELEMENTS.get(element, element)
    return _ELEMENTS.setdefault(element, element)


_SHARED_LIMIT = 200_000  # distinct elements kept (the bundled rules have about 9,000)


@lru_cache(maxsize=65536)
def check_specific(phrase: str) -> None:
    """Refuse a concept phrase that would match almost any note (``two views?`` matches every
    "two"): it must require a word outside the common words, or three words in a row."""
    for elements in compile_phrase(phrase):
        required = [e for e in elements if not e.optional and not e.gap]
        if len(required) < 3 and all(
            not e.prefixes and all(w in _TOO_COMMON or w.isdigit() for w in e.exact)
            for e in required
        ):
            raise PhraseSyntaxError(
                f"in phrase {phrase!r}: its required words are all common words that occur in "
                "almost every note; make a meaningful word required (remove its '?')"
            )


class PhraseMatch(NamedTuple, Generic[T]):
    """A match of one phrase: token indexes ``start`` (inclusive) to ``end`` (exclusive).

    A named tuple: hundreds are made per note, and a tuple is built in a third of the time a
    frozen dataclass takes (which sets each field through ``object.__setattr__``)."""

    payload: T
    start: int
    end: int
    phrase: str


# Compound words are written joined or split ("shockwave" / "shock wave", "fiberoptic" /
# "fiber optic", "postoperative" / "post operative"): where a phrase begins, its first word
# matches two note words written apart, and its first two words match one note word written
# joined, so a rule names the service once. (Only where a phrase begins: checking every word
# of every phrase would halve the matcher's speed; the services are named by their first
# words.) Each part must be a word of letters of at least this length, so that "a" + "drenal"
# never makes "adrenal".
_MIN_PART = 2


def _joinable(a: str, b: str) -> bool:
    return len(a) >= _MIN_PART and len(b) >= _MIN_PART and a.isalpha() and b.isalpha()


def _joined_words(el: Element, nxt: Element, word: str) -> bool:
    """Do ``el`` and the next element accept one note word written joined ("shockwave")?"""
    if nxt.gap or nxt.number or not el.exact or not (nxt.exact or nxt.prefixes):
        return False
    if len(el.exact) <= 4:
        for w in el.exact:
            n = len(w)
            if (
                n >= _MIN_PART
                and len(word) >= n + _MIN_PART
                and word.startswith(w)
                and nxt.accepts(word[n:])
                and word.isalpha()
            ):
                return True
        return False
    for n in range(_MIN_PART, len(word) - _MIN_PART + 1):
        if word[:n] in el.exact and nxt.accepts(word[n:]) and word.isalpha():
            return True
    return False


def _match_rest(
    elements: tuple[Element, ...], k: int, norms: Sequence[str], pos: int, hi: int
) -> int:
    """End index of the shortest match of ``elements[k:]`` at ``pos``, or -1. Bounded branching."""
    n = len(elements)
    while k < n:
        el = elements[k]
        if el.gap or el.optional:
            break
        # the common case, a required word: no branching
        if pos < hi:
            word = norms[pos]
            if (
                word in el.exact
                or (el.prefixes and word.startswith(el.prefixes))
                or (el.number and word.isdigit())
            ):
                k += 1
                pos += 1
                continue
        return -1
    else:
        return pos
    if el.gap:
        for skip in range(0, el.gap + 1):
            if pos + skip > hi:
                break
            end = _match_rest(elements, k + 1, norms, pos + skip, hi)
            if end >= 0:
                return end
        return -1
    if pos < hi and el.accepts(norms[pos]):
        end = _match_rest(elements, k + 1, norms, pos + 1, hi)
        if end >= 0:
            return end
    return _match_rest(elements, k + 1, norms, pos, hi)


_WORD_MEMO_LIMIT = 200_000
# word lists this short, asked whole, are memoised by their words (see PhraseSet.find_all)
_VIEW_WORDS = 6
# A cached set holds the tables of the words that begin at least this many of its phrases (every
# word a phrase begins: +0.05 s load for 2% less per note than only those beginning several).
_PREPARED_ENTRIES = 1
_Entry = tuple[tuple[Element, ...], T, str]


_Compound = tuple[_Entry[T], int, int]  # entry, element and word offset where matching goes on


@dataclass(frozen=True, slots=True)
class _Starts(Generic[T]):
    """What one note word can begin: its phrases (filed by the words they need, see
    :mod:`~agentkit.coding.engine.text.phrase_tries`), the phrases whose first two words it
    writes joined ("shockwave"), and whether it may be the first part of a first word written
    split.

    ``only_before``: for a word that begins phrases only before certain next words ("the
    patient", "was admitted", "with ~3 contrast"; a third of the note words that begin
    something), those words (its table's gates), else None: at most other places the word is
    told to begin nothing there by one look-up."""

    tries: TryTable[T]
    joined: tuple[_Compound[T], ...]
    split: bool
    only_before: dict[str, int] | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # rebuilt through the constructor (see TryTable.__reduce__)
        return (_Starts, (self.tries, self.joined, self.split, self.only_before))


_NOTHING: _Starts[Any] = _Starts(EMPTY_TABLE, (), False)  # a word that begins no phrase


def _only_before(
    tries: TryTable[T], joined: tuple[_Compound[T], ...], split: bool
) -> dict[str, int] | None:
    """The next words a word's phrases all need (see :attr:`_Starts.only_before`), or None."""
    if tries.free or tries.anchors or tries.heads or joined or split:
        return None
    return tries.gates


def _prefixes_of(
    word: str, prefixes: dict[str, Any], heads: dict[str, list[str]], head: int, shortest: int
) -> tuple[str, ...]:
    """The indexed ``prefixes`` ``word`` starts with, of ``shortest`` letters or more, shortest
    first (as filed in ``heads`` under their first ``head`` letters): the word's own
    beginnings are looked up, a few probes where scanning everything filed under its first
    letters took hundreds in a large index."""
    filed = heads.get(word[:head])
    if filed is None:
        return ()
    if len(filed) <= len(word) - shortest:
        # fewer filed than probes: the filed ones are compared (the same, shortest first)
        return tuple(p for p in filed if len(p) >= shortest and word.startswith(p))
    return tuple(word[:n] for n in range(shortest, len(word) + 1) if word[:n] in prefixes)


def _file_by_head(heads: dict[str, list[str]], prefix: str, n: int) -> None:
    """File ``prefix`` under its first ``n`` letters, keeping each list shortest first (the
    order in which a word's prefixes are tried)."""
    bisect.insort(heads.setdefault(prefix[:n], []), prefix, key=len)


def _identity(payload: object) -> object:
    """What makes two matches of one phrase the same payload.

    Plain values compare by value: a pickled phrase set gives equal integers new identities,
    and a cached set must match exactly like a freshly compiled one. Other objects are the
    same payload only when they are the same object.
    """
    if isinstance(payload, (int, str, tuple, frozenset)):
        return payload
    return id(payload)


class PhraseSet(Generic[T]):
    """Many phrases, each with a payload, matched together over a token range."""

    def __init__(self) -> None:
        self._exact: dict[str, list[tuple[tuple[Element, ...], T, str]]] = {}
        self._prefix: dict[str, list[tuple[tuple[Element, ...], T, str]]] = {}
        # first letters -> the prefixes that begin with them, shortest first: a word probes
        # only the few prefixes that share its first letters
        self._prefix_heads: dict[str, list[str]] = {}
        self._numeric: list[tuple[tuple[Element, ...], T, str]] = []
        self._joined: dict[str, list[tuple[tuple[Element, ...], T, str]]] = {}
        self._joined_prefix: dict[str, list[tuple[tuple[Element, ...], T, str]]] = {}
        self._joined_prefix_heads: dict[str, list[str]] = {}
        # proper beginnings of first words ("shock" of "shockwave"), to find split writing
        self._heads: set[str] = set()
        self._joined_heads: set[str] = set()  # first letters of joined first words
        # word -> what it can begin; notes repeat their words, so the probing below runs once
        # per distinct word
        self._by_word: dict[str, _Starts[T]] = {}
        # the tries of words that begin the same phrases through prefixes or as a number
        # (every "12", "37", "angiogram", "angiograms"), built once
        self._shared_tries: dict[tuple[tuple[str, ...], bool], TryTable[T]] = {}
        self._try_builder = TryBuilder[T]()
        # (word, next word) -> the phrases whose first word they write split, memoised
        self._by_pair: dict[tuple[str, str], tuple[_Compound[T], ...]] = {}
        # a few words a caller made up -> their matches (see find_all), memoised
        self._views: dict[tuple[str, ...], tuple[PhraseMatch[T], ...]] = {}
        self.size = 0
        # see _beginnings, made when first needed
        self._first_letters: frozenset[str] | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (the compiled-rules cache) with what each phrase needs worked out."""
        builder = self._try_builder
        for entries in (*self._exact.values(), *self._prefix.values(), self._numeric):
            builder.prepare(entries)
        # and what the words that begin many phrases begin (their tables take longest)
        for word, entries in self._exact.items():
            if len(entries) >= _PREPARED_ENTRIES:
                self._starts_of(word)
        return {**self.__dict__, "_views": {}}

    def add(self, phrase: str, payload: T) -> None:
        """Compile and index ``phrase``; raises :class:`PhraseSyntaxError`."""
        for elements in compile_phrase(phrase):
            self._index(elements, payload, phrase)
        self.size += 1
        self._first_letters = None
        self._by_word.clear()
        self._shared_tries.clear()
        self._try_builder.clear()
        self._by_pair.clear()
        self._views.clear()

    def _starts_of(self, word: str) -> _Starts[T]:
        """The phrases ``word`` can begin (exact, prefix, number, its first two words joined)
        and whether it may begin a first word written split; memoised per distinct word.

        Phrases are filed by a word they need (see
        :mod:`~agentkit.coding.engine.text.phrase_tries`), so a note word that begins hundreds
        of phrases ("left", "right") only tries those the sentence can complete.
        """
        found = self._by_word.get(word)
        if found is not None:
            return found
        first = self._first_letters
        if first is None:
            first = self._first_letters = self._beginnings()
        if word[:3] not in first and not (self._numeric and word.isdigit()):
            # a set's phrases begin with few of the three-letter beginnings: most new words
            # are told by one look-up
            found = _NOTHING
        elif (
            word not in self._exact
            and word[:_MIN_PREFIX] not in self._prefix_heads
            and not (self._numeric and word.isdigit())
            and word not in self._heads
            and word[: 2 * _MIN_PART] not in self._joined_heads
        ):
            # most words of a note begin nothing: said in a few lookups
            found = _NOTHING
        else:
            found = self._starts(word)
        if len(self._by_word) < _WORD_MEMO_LIMIT:
            self._by_word[word] = found
        return found

    def _beginnings(self) -> frozenset[str]:
        """The first three letters of everything a word is looked up by in :meth:`_starts_of`
        (a key shorter than that: itself; none is shorter than a prefix head, so three is the
        most) - a word that begins otherwise begins nothing, unless it is a number."""
        keys = (*self._exact, *self._prefix_heads, *self._heads, *self._joined_heads)
        return frozenset(k[:3] for k in keys)

    def _starts(self, word: str) -> _Starts[T]:
        """What ``word`` can begin (see :meth:`_starts_of`), computed."""
        exact = self._exact.get(word, ())
        prefixes = _prefixes_of(word, self._prefix, self._prefix_heads, _MIN_PREFIX, _MIN_PREFIX)
        numeric = bool(self._numeric) and word.isdigit()
        if exact:
            tries = self._try_builder.build([*exact, *self._by_prefixes(prefixes, numeric)])
        elif not (prefixes or numeric):
            tries = EMPTY_TABLE  # (most words come here: they may only begin a compound)
        else:
            key = (prefixes, numeric)
            shared = self._shared_tries.get(key)
            if shared is None:
                shared = self._try_builder.build(self._by_prefixes(prefixes, numeric))
                self._shared_tries[key] = shared
            tries = shared
        joined = self._joined_starts(word)
        split = word in self._heads
        if tries.tries or joined or split:
            return _Starts(tries, joined, split, _only_before(tries, joined, split))
        return _NOTHING

    def _by_prefixes(self, prefixes: tuple[str, ...], numeric: bool) -> list[_Entry[T]]:
        """The entries a word reaches through its ``prefixes`` (shortest first) and as a
        number, after those of the word itself."""
        entries: list[_Entry[T]] = []
        for p in prefixes:
            entries.extend(self._prefix[p])
        if numeric:
            entries.extend(self._numeric)
        return entries

    def _index(self, elements: tuple[Element, ...], payload: T, phrase: str) -> None:
        first = elements[0]
        if first.optional:
            # Register both the form with and the form without the optional first word.
            self._index(
                (
                    _shared(Element(first.exact, first.prefixes, False, 0, first.number)),
                    *elements[1:],
                ),
                payload,
                phrase,
            )
            self._index(elements[1:], payload, phrase)
            return
        entry = (elements, payload, phrase)
        if len(elements) > 1:
            nxt = elements[1]
            if not (nxt.gap or nxt.number or nxt.optional):
                # the first two words written joined ("shockwave" for "shock wave")
                for w in first.exact:
                    for w2 in nxt.exact:
                        self._joined.setdefault(w + w2, []).append(entry)
                        self._joined_heads.add((w + w2)[: 2 * _MIN_PART])
                    for p2 in nxt.prefixes:
                        if w + p2 not in self._joined_prefix:
                            _file_by_head(self._joined_prefix_heads, w + p2, 2 * _MIN_PART)
                        self._joined_prefix.setdefault(w + p2, []).append(entry)
                        self._joined_heads.add((w + p2)[: 2 * _MIN_PART])
        for w in (*first.exact, *first.prefixes):
            # a common word ("the", "in", "to") does not begin a split compound
            # (interned: one string for the many sets that file the same beginning)
            self._heads.update(
                intern(w[:n]) for n in range(_MIN_PART, len(w)) if w[:n] not in _TOO_COMMON
            )
        if first.number:
            self._numeric.append(entry)
        for w in first.exact:
            self._exact.setdefault(w, []).append(entry)
        for p in first.prefixes:
            if p not in self._prefix:
                _file_by_head(self._prefix_heads, p, _MIN_PREFIX)
            self._prefix.setdefault(p, []).append(entry)

    def _split_starts(self, word: str, nxt: str) -> tuple[_Compound[T], ...]:
        """Phrases whose first word the note writes split over ``word`` and the next word
        ``nxt`` ("shock wave"): matching goes on at their second element, after ``nxt``.
        Memoised per pair of words (notes repeat them)."""
        # such a first word begins with ``word`` and the first letter of ``nxt``: a proper
        # beginning of it (see _index; or a common word, not filed there) or a prefix of those
        # letters. Most pairs are told by this, without making and memoising the pair.
        begun = word + nxt[0]
        if begun not in self._heads and begun not in self._prefix and begun not in _TOO_COMMON:
            return ()
        key = (word, nxt)
        found = self._by_pair.get(key)
        if found is None:
            found = self._split_starts_of(word, nxt)
            if len(self._by_pair) < _WORD_MEMO_LIMIT:
                self._by_pair[key] = found
        return found

    def _split_starts_of(self, word: str, nxt: str) -> tuple[_Compound[T], ...]:
        if not _joinable(word, nxt):
            return ()
        joined = word + nxt
        out: list[_Compound[T]] = [(e, 1, 2) for e in self._exact.get(joined, ())]
        # prefixes longer than the first word (shorter ones it already reached alone)
        for p in _prefixes_of(joined, self._prefix, self._prefix_heads, _MIN_PREFIX, len(word) + 1):
            out.extend((e, 1, 2) for e in self._prefix[p])
        return tuple(out)

    def _joined_starts(self, word: str) -> tuple[_Compound[T], ...]:
        """Phrases whose first two words the note writes joined as ``word`` ("shockwave"):
        matching goes on at their third element, at the next note word."""
        if len(word) < 2 * _MIN_PART or word[: 2 * _MIN_PART] not in self._joined_heads:
            return ()
        out: list[_Compound[T]] = [
            (e, 2, 1) for e in self._joined.get(word, ()) if _joined_words(e[0][0], e[0][1], word)
        ]
        heads, prefixed = self._joined_prefix_heads, self._joined_prefix
        for p in _prefixes_of(word, prefixed, heads, 2 * _MIN_PART, 2 * _MIN_PART):
            more = prefixed[p]
            out.extend((e, 2, 1) for e in more if _joined_words(e[0][0], e[0][1], word))
        return tuple(out)

    def find_all(
        self, norms: Sequence[str], lo: int = 0, hi: int | None = None
    ) -> list[PhraseMatch[T]]:
        """Every match that starts in ``[lo, hi)`` and ends by ``hi`` (one per phrase and start)."""
        hi = len(norms) if hi is None else hi
        # a note's tokens: the word sets of its sentences are shared by all phrase sets, and
        # what a set found in a range is kept for the note (the coder's stages read the same
        # sentences and statements with the same sets: a fifth of the scans were repeats)
        shared: NoteRanges | None = None
        if type(norms) is tuple and len(norms) >= MIN_NOTE_WORDS:
            shared = note_ranges(norms)
            key = (self, self.size, lo, hi)
            done = shared.found.get(key)
            if done is not None:
                return list(done)
            out = self._find_all(norms, lo, hi, shared)
            shared.found[key] = tuple(out)
            return out
        if lo == 0 and hi == len(norms) <= _VIEW_WORDS:
            # a few words made up by a caller (a diagnosis read in inverted order, "apnea
            # sleep obstructive"): the same few are asked again and again, in every note
            words = tuple(norms)
            found = self._views.get(words)
            if found is None:
                found = tuple(self._find_all(norms, 0, hi, None))
                if len(self._views) < _WORD_MEMO_LIMIT:
                    self._views[words] = found
            return list(found)
        return self._find_all(norms, lo, hi, None)

    def _find_all(
        self, norms: Sequence[str], lo: int, hi: int, shared: NoteRanges | None
    ) -> list[PhraseMatch[T]]:
        out: list[PhraseMatch[T]] = []
        seen: set[tuple[str, object, int]] = set()
        words: frozenset[str] | None = None  # the sentence's words, made when first needed
        heads: frozenset[str] | None = None  # and their heads (see phrase_tries)
        by_word, starts_of, nothing = self._by_word, self._starts_of, _NOTHING
        first = self._first_letters
        if first is None:
            first = self._first_letters = self._beginnings()
        numeric = bool(self._numeric)
        at: Sequence[int] = range(lo, hi)
        if shared is not None and not numeric:
            # only the words that begin as the set's phrases do are looked at (found once for
            # the note): looking each word of a range up in a large set's table cost a tenth
            # of the coding
            at = shared.starts_in(first, lo, hi)
            if not at:
                return out
        for i in at:
            word = norms[i]
            st = by_word.get(word)
            if st is None:
                if not word:
                    continue
                if word[:3] not in first and not (numeric and word.isdigit()):
                    # a word new to the set: most begin with letters none of its phrases
                    # begin with, told (and memoised) here without a call
                    if len(by_word) < _WORD_MEMO_LIMIT:
                        by_word[word] = nothing
                    continue
                st = starts_of(word)
            if st is nothing:
                continue
            nxt_word = norms[i + 1] if i + 1 < hi else ""
            only = st.only_before
            if only is not None and nxt_word not in only:
                continue
            if words is None:
                words = frozenset(norms[lo:hi]) if shared is None else shared.words_of(lo, hi)
            table = st.tries
            # the phrases the sentence can complete (see phrase_tries)
            mask = table.free
            if table.gates:
                gated = table.gates.get(nxt_word)
                if gated:
                    # of the phrases the next word opens, those whose rest the sentence holds
                    allowed = table.gated_free
                    more = table.gated_anchors
                    if more is not None:
                        if more.anchors:
                            for w in more.anchor_words.intersection(words):
                                allowed |= more.anchors[w]
                        if more.heads:
                            if heads is None:
                                heads = (
                                    word_heads(norms[lo:hi])
                                    if shared is None
                                    else shared.heads_of(lo, hi)
                                )
                            for h in more.head_words.intersection(heads):
                                allowed |= more.heads[h]
                    mask |= gated & allowed
            # (most words' anchors are not in the sentence: told without making a set)
            if table.anchors and not table.anchor_words.isdisjoint(words):
                for w in table.anchor_words.intersection(words):
                    mask |= table.anchors[w]
            if table.heads:
                if heads is None:
                    heads = word_heads(norms[lo:hi]) if shared is None else shared.heads_of(lo, hi)
                if not table.head_words.isdisjoint(heads):
                    for h in table.head_words.intersection(heads):
                        mask |= table.heads[h]
            tries = table.tries
            while mask:
                # the candidates in phrase order: lowest bit first
                low = mask & -mask
                mask ^= low
                (elements, payload, phrase), k, step, must, alts, complete = tries[
                    low.bit_length() - 1
                ]
                if must is not None and not must <= words:
                    continue
                if alts and any(map(words.isdisjoint, alts)):
                    continue
                end = i + step if complete else _match_rest(elements, k, norms, i + step, hi)
                if end >= 0:
                    # A phrase with an optional first word also matches without it, one word
                    # later: keep only the longer match.
                    key = (phrase, _identity(payload), end)
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(PhraseMatch(payload, i, end, phrase))
            if st.split or st.joined:
                # a first word written split ("shock wave"), then the first two written joined
                found: Sequence[_Compound[T]] = st.joined
                if st.split and len(nxt_word) >= _MIN_PART:
                    split = self._split_starts(word, nxt_word)
                    if split:
                        found = [*split, *found]
                for (elements, payload, phrase), k, step in found:
                    end = _match_rest(elements, k, norms, i + step, hi)
                    if end >= 0:
                        key = (phrase, _identity(payload), end)
                        if key in seen:
                            continue
                        seen.add(key)
                        out.append(PhraseMatch(payload, i, end, phrase))
        return out
