"""Words of a note with their character offsets into the original text.

Everything downstream (phrase rules, assertion cues, evidence) works on these tokens so that
every match can be mapped back to the exact characters of the note: evidence quotes must be
verbatim substrings. A token is a run of letters and digits; hyphens, slashes and punctuation
separate tokens (``post-operative`` -> ``post``, ``operative``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from re import Match
from sys import intern

__all__ = ["Tokens", "casefold_same_length", "tokenize"]

# A run of Unicode letters/digits (``\w`` minus the underscore). One linear scan, no backtracking.
_WORD = re.compile(r"[^\W_]+(?:&[^\W_]+)*")
# The same for ASCII text (most notes), where a letter or digit is one of these: a plain class
# is tested faster than the Unicode category behind ``\W``.
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:&[A-Za-z0-9]+)*")
# Tokens longer than this are garbage for phrase matching (base64, runs of one letter): they keep
# their offsets but get an empty normal form so that they never match a rule.
MAX_TOKEN_CHARS = 40


def casefold_same_length(text: str) -> str:
    """Lower-case ``text`` without changing its length (offsets must stay valid).

    ``str.lower`` can lengthen a few characters (``İ``); those are left as they are.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(frozen=True, slots=True)
class Tokens:
    """Parallel arrays: ``starts[i]``/``ends[i]`` are offsets of token ``i``; ``norms[i]`` its
    lower-case form. Arrays (not objects per token) keep analysis of a 1 MB note cheap."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    norms: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.norms)

    def index_at_or_after(self, offset: int) -> int:
        """Index of the first token that ends after ``offset`` (``len`` if none)."""
        return bisect_right(self.ends, offset)

    def index_before(self, offset: int) -> int:
        """Number of tokens that start before ``offset`` (exclusive upper token index)."""
        return bisect_left(self.starts, offset)


def tokenize(lower_text: str) -> Tokens:
    """Tokenise already lower-cased text (see :func:`casefold_same_length`)."""
    # built with map over the matches, not a loop appending to three lists: a note has
    # hundreds of tokens, and this is done for every note
    found = list((_ASCII_WORD if lower_text.isascii() else _WORD).finditer(lower_text))
    # interned: the phrase matchers look every word up in their tables, and a word that is
    # the very key found there compares by identity
    norms = tuple(map(intern, map(Match.group, found)))
    if norms and max(map(len, norms)) > MAX_TOKEN_CHARS:
        norms = tuple([w if len(w) <= MAX_TOKEN_CHARS else "" for w in norms])
    return Tokens(tuple(map(Match.start, found)), tuple(map(Match.end, found)), norms)
