"""The word sets of the sentences of the note being coded, made once and shared by every
phrase set that scans them.

A phrase set tests each candidate phrase against the set of words of the sentence it scans (and
their heads, see :func:`~agentkit.coding.engine.text.phrase_tries.word_heads`). A note's
sentences are scanned by the rule triggers and by each family's concepts, and its diagnosis
statements by the diagnosis concepts, refinements, cues and sides: the same word sets were
built again for every set. They are kept here for the few notes being coded, keyed by the
note's token tuple (immutable, and held, so compared by identity) and the range, with what each
set found in each range it scanned (the stages read the same statements with the same sets).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from agentkit.coding.engine.text.phrase_tries import _HEAD
from agentkit.coding.static_data import when_no_note_is_coded

__all__ = ["NoteRanges", "note_ranges"]

# Only a note's tokens are worth keeping word sets for (a phrase list or a title is scanned once).
MIN_NOTE_WORDS = 64
# NoteRanges.positions looks each word of a range up when the range has at most this many
# words per head asked (measured on pool notes: a search per head costs about as much as
# eight look-ups)
_LOOKUPS_PER_HEAD = 8


class NoteRanges:
    """The word sets (and head sets) of the ranges of one note's tokens asked so far."""

    __slots__ = ("found", "head_positions", "heads", "norms", "starts", "word_heads", "words")

    def __init__(self, norms: tuple[str, ...]) -> None:
        self.norms = norms
        self.words: dict[tuple[int, int], frozenset[str]] = {}
        self.heads: dict[tuple[int, int], frozenset[str]] = {}
        # the head of every token, cut once for the note (ranges take their sets from it)
        self.word_heads: tuple[str, ...] | None = None
        # head -> the positions of the tokens with that head, in order (made when first asked)
        self.head_positions: dict[str, list[int]] | None = None
        # (phrase set, its size, lo, hi) -> the set's matches in tokens [lo, hi): the set
        # itself is held, so its identity stays its own while the note is kept
        self.found: dict[tuple[object, int, int, int], tuple[Any, ...]] = {}
        # a phrase set's beginnings (the heads its phrases begin with) -> the positions of the
        # note's tokens with one of those heads, in order (see starts_in)
        self.starts: dict[frozenset[str], list[int]] = {}

    def words_of(self, lo: int, hi: int) -> frozenset[str]:
        key = (lo, hi)
        found = self.words.get(key)
        if found is None:
            found = self.words[key] = frozenset(self.norms[lo:hi])
        return found

    def heads_of(self, lo: int, hi: int) -> frozenset[str]:
        key = (lo, hi)
        found = self.heads.get(key)
        if found is None:
            heads = self.word_heads
            if heads is None:
                heads = self.word_heads = tuple([w[:_HEAD] for w in self.norms])
            found = self.heads[key] = frozenset(heads[lo:hi])
        return found

    def starts_in(self, first: frozenset[str], lo: int, hi: int) -> list[int]:
        """The positions in ``[lo, hi)`` of the tokens whose head is one of ``first`` (a phrase
        set's beginnings), in order: found once for the whole note, then cut for each range a
        set scans (a set scans tens of sentences or statements of a note)."""
        at = self.starts.get(first)
        if at is None:
            heads = self.word_heads
            if heads is None:
                heads = self.word_heads = tuple([w[:_HEAD] for w in self.norms])
            note_heads = self.heads.get((0, len(self.norms)))
            if note_heads is None:
                note_heads = self.heads[(0, len(self.norms))] = frozenset(heads)
            at = self.starts[first] = self.positions(
                first.intersection(note_heads), 0, len(self.norms)
            )
        a = bisect_left(at, lo)
        b = bisect_left(at, hi, a)
        return at[a:b]

    def positions(self, heads: Iterable[str], lo: int, hi: int) -> list[int]:
        """The positions in ``[lo, hi)`` of the tokens whose head is one of ``heads``, in order."""
        word_heads = self.word_heads
        if word_heads is None:
            word_heads = self.word_heads = tuple([w[:_HEAD] for w in self.norms])
        wanted = heads if isinstance(heads, (set, frozenset)) else frozenset(heads)
        if hi - lo <= _LOOKUPS_PER_HEAD * len(wanted):
            # a range short for so many heads (a sentence): its words are looked up one by
            # one, cheaper than a search of each head's positions and a sort
            return [i for i in range(lo, hi) if word_heads[i] in wanted]
        at = self.head_positions
        if at is None:
            at = {}
            for i, h in enumerate(word_heads):
                found = at.get(h)
                if found is None:
                    at[h] = [i]
                else:
                    found.append(i)
            self.head_positions = at
        out: list[int] = []
        n = 0
        for h in wanted:
            found = at.get(h)
            if found:
                a = bisect_left(found, lo)
                b = bisect_left(found, hi, a)
                if a < b:
                    out.extend(found[a:b])
                    n += 1
        if n > 1:
            out.sort()
        return out


# The notes being coded (one per thread at a time): a few, so that threads coding different
# notes do not keep discarding each other's.
_RECENT: list[NoteRanges] = []
_RECENT_LIMIT = 4
# dropped once no note is being coded: a note's ranges are tens of thousands of objects that
# the collector would otherwise walk, once coding ends, before they are freed anyway
when_no_note_is_coded(_RECENT.clear)


def note_ranges(norms: tuple[str, ...]) -> NoteRanges:
    """The shared word sets of the note whose tokens are ``norms``."""
    recent = _RECENT
    if recent and recent[0].norms is norms:  # the note being coded: asked hundreds of times
        return recent[0]
    for found in recent:
        if found.norms is norms:
            return found
    found = NoteRanges(norms)
    _RECENT.insert(0, found)
    del _RECENT[_RECENT_LIMIT:]
    return found
