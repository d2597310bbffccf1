"""The phrases one note word can begin, filed so that a sentence tries only those it can complete.

A common word begins hundreds of phrases ("with ~3 contrast", "left ~2 knee arthroscop*"),
and almost none of them can match in a given sentence because a word they require is absent.
Checking each phrase's required words one by one made these failed tries most of the
matcher's work. Here each phrase is filed under what it needs (its *anchor*: the plain second
word when there is one, else a rare required word, else the first three letters of the words
or prefixes one required position takes, "ult" or "son" for ``(ultrasound|sonograph*)``), as
one bit of an integer mask: a note word's candidate phrases are then the union of the masks
of the anchors its sentence holds (its words, and their heads when a phrase is filed by a
head), found by a set intersection, and the bits come out in the phrases' own order (the
order callers break ties by). The full required-word check still runs on each candidate, so
filing decides only how fast a phrase is rejected, never whether it matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.engine.text.phrases import Element

__all__ = [
    "EMPTY_TABLE",
    "GatedAnchors",
    "Try",
    "TryBuilder",
    "TryTable",
    "plain_word",
    "required_words",
    "word_heads",
]

T = TypeVar("T")

_Entry = tuple[tuple["Element", ...], T, str]
# One phrase a word can begin: (entry, element and word offset where matching goes on, words
# the sentence must hold or None, word sets of which the sentence must hold one, whether the
# phrase is complete at that offset).
Try = tuple[_Entry[T], int, int, frozenset[str] | None, tuple[frozenset[str], ...], bool]


@dataclass(frozen=True, slots=True)
class TryTable(Generic[T]):
    """The tries of one note word, in phrase order: bit ``j`` of a mask selects ``tries[j]``.

    ``free`` are tried in every sentence, ``gates[w]`` when the next note word is ``w``,
    ``anchors[w]`` when the sentence holds the word ``w``, ``heads[h]`` when it holds a word
    beginning with the letters ``h`` (see :func:`word_heads`).

    A gated phrase is also filed by what the rest of it needs (``gated_anchors``,
    ``gated_heads``; ``gated_free`` when the rest needs nothing): "status post" opens hundreds
    of phrases ("status post ~2 valve replacement", "status post mastectomy"), and after the
    words "status post" only those whose other words the sentence holds are tried."""

    tries: tuple[Try[T], ...]
    free: int
    gates: dict[str, int]
    anchors: dict[str, int]
    anchor_words: frozenset[str]
    heads: dict[str, int]
    head_words: frozenset[str]
    gated_free: int = 0
    gated_anchors: GatedAnchors | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # rebuilt through the constructor: the dataclass default unpickles each of the
        # compiled rules' ~19,000 tables field by field, a tenth of the coder's start-up
        return (
            TryTable,
            (
                self.tries,
                self.free,
                self.gates,
                self.anchors,
                self.anchor_words,
                self.heads,
                self.head_words,
                self.gated_free,
                self.gated_anchors,
            ),
        )


@dataclass(frozen=True, slots=True)
class GatedAnchors:
    """What the rest of each gated phrase of a :class:`TryTable` needs (see there)."""

    anchors: dict[str, int]
    anchor_words: frozenset[str]
    heads: dict[str, int]
    head_words: frozenset[str]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (GatedAnchors, (self.anchors, self.anchor_words, self.heads, self.head_words))


EMPTY_TABLE: TryTable[Any] = TryTable((), 0, {}, {}, frozenset(), {}, frozenset())

_HEAD = 3  # letters of a word's head (the shortest prefix a phrase may write)


def word_heads(words: Sequence[str]) -> frozenset[str]:
    """The heads (first letters) of a sentence's words, which head anchors are made of."""
    return frozenset([w[:_HEAD] for w in words])


def required_words(
    elements: Sequence[Element], k: int
) -> tuple[frozenset[str] | None, tuple[frozenset[str], ...]]:
    """Words from ``elements[k:]`` that must all be in the sentence (None for none), and sets
    of which one must be."""
    must: set[str] = set()
    alts: list[frozenset[str]] = []
    for el in elements[k:]:
        if el.exact and not (el.prefixes or el.optional or el.gap or el.number):
            if len(el.exact) == 1:
                must |= el.exact
            else:
                alts.append(el.exact)
    return (_canonical(frozenset(must)) if must else None), tuple(alts)


def plain_word(el: Element) -> bool:
    """A required element that only takes listed words (no prefix, gap or number)."""
    return bool(el.exact) and not (el.prefixes or el.optional or el.gap or el.number)


def _anchor(
    elements: Sequence[Element],
    k: int,
    must: frozenset[str] | None,
    alts: tuple[frozenset[str], ...],
) -> tuple[frozenset[str], bool]:
    """What the sentence must hold one of for ``elements[k:]`` to match, and whether those are
    word heads: the longest (likely rarest) required word, else the smallest set of
    alternatives, else the fewest heads of a required position; nothing when nothing after
    ``k`` is required."""
    if must is not None:
        return _canonical(frozenset((max(sorted(must), key=len),))), False
    if alts:
        return min(alts, key=len), False
    heads = [
        frozenset(w[:_HEAD] for w in (*el.exact, *el.prefixes))
        for el in elements[k:]
        if not (el.optional or el.gap or el.number)
    ]
    return (_canonical(min(heads, key=len)), True) if heads else (frozenset(), False)


# One instance of each word set phrases need: tens of thousands of phrases need the same few
# thousand sets, and a shared instance is stored (and unpickled) once in the compiled cache.
_CANONICAL: dict[frozenset[str], frozenset[str]] = {}


def _canonical(words: frozenset[str]) -> frozenset[str]:
    return _CANONICAL.setdefault(words, words)


class TryBuilder(Generic[T]):
    """Builds try tables; what a phrase needs is worked out once per phrase, not per word."""

    def __init__(self) -> None:
        # id(entry) -> (entry, try, gate words, anchor, anchor is heads); the entry is held so
        # its id stays its own
        self._of: dict[int, tuple[_Entry[T], Try[T], frozenset[str], frozenset[str], bool]] = {}

    def clear(self) -> None:
        self._of.clear()

    def prepare(self, entries: Sequence[_Entry[T]]) -> None:
        """Work out now what each of ``entries`` needs (see :meth:`__getstate__`)."""
        for entry in entries:
            self._try_of(entry)

    def __getstate__(self) -> list[tuple[_Entry[T], Try[T], frozenset[str], frozenset[str], bool]]:
        # kept with a cached phrase set: a coder process then reads what each phrase needs
        # instead of working it out for every phrase a new word begins (a tenth of the
        # first notes' time); the ids are made again for the unpickled entries
        return list(self._of.values())

    def __setstate__(
        self, state: list[tuple[_Entry[T], Try[T], frozenset[str], frozenset[str], bool]]
    ) -> None:
        self._of = {id(found[0]): found for found in state}

    def _try_of(self, entry: _Entry[T]) -> tuple[Try[T], frozenset[str], frozenset[str], bool]:
        found = self._of.get(id(entry))
        if found is None or found[0] is not entry:
            elements = entry[0]
            if len(elements) > 1 and plain_word(elements[1]):
                # its second word is checked by a dict lookup; matching goes on after it
                must, alts = required_words(elements, 2)
                tried: Try[T] = (entry, 2, 2, must, alts, len(elements) == 2)
                gate = elements[1].exact
                anchor, by_head = _anchor(elements, 2, must, alts)
            else:
                must, alts = required_words(elements, 1)
                tried = (entry, 1, 1, must, alts, len(elements) == 1)
                gate = frozenset()
                anchor, by_head = _anchor(elements, 1, must, alts)
            found = self._of[id(entry)] = (entry, tried, gate, anchor, by_head)
        return found[1], found[2], found[3], found[4]

    def build(self, entries: Sequence[_Entry[T]]) -> TryTable[T]:
        """The table of ``entries`` (in their order)."""
        tries: list[Try[T]] = []
        free = 0
        gates: dict[str, int] = {}
        anchors: dict[str, int] = {}
        heads: dict[str, int] = {}
        gated_free = 0
        gated_anchors: dict[str, int] = {}
        gated_heads: dict[str, int] = {}
        for n, entry in enumerate(entries):
            tried, gate, anchor, by_head = self._try_of(entry)
            tries.append(tried)
            bit = 1 << n
            if gate:
                for w in gate:
                    gates[w] = gates.get(w, 0) | bit
                if anchor:
                    filed = gated_heads if by_head else gated_anchors
                    for w in anchor:
                        filed[w] = filed.get(w, 0) | bit
                else:
                    gated_free |= bit
            elif anchor:
                filed = heads if by_head else anchors
                for w in anchor:
                    filed[w] = filed.get(w, 0) | bit
            else:
                free |= bit
        gated = None
        if gated_anchors or gated_heads:
            gated = GatedAnchors(
                gated_anchors, frozenset(gated_anchors), gated_heads, frozenset(gated_heads)
            )
        return TryTable(
            tuple(tries),
            free,
            gates,
            anchors,
            frozenset(anchors),
            heads,
            frozenset(heads),
            gated_free,
            gated,
        )
