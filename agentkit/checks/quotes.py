"""Does a quoted piece of evidence really occur in the source text?

Matching forgives what copying text commonly changes and nothing else: case, runs of
whitespace and line breaks, typographic quotes and dashes. A quote may skip words with an
ellipsis (``...`` or ``…``); each piece must then occur in the source, in order.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["normalize_for_quote", "quote_in_source"]

_WS = re.compile(r"\s+")
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026)\s*")


def normalize_for_quote(text: str) -> str:
    if len(text) > 256:
        return _normalize_cached(text)  # the same note is normalised by several checks
    return _normalize(text)


def _normalize(text: str) -> str:
    return _WS.sub(" ", text.translate(_TRANSLATE)).strip().casefold()


@lru_cache(maxsize=32)
def _normalize_cached(text: str) -> str:
    return _normalize(text)


def quote_in_source(quote: str, source_normalized: str) -> bool:
    """True when every ellipsis-separated piece of ``quote`` occurs in order in the source.

    ``source_normalized`` must already be passed through :func:`normalize_for_quote`.
    """
    pieces = [normalize_for_quote(p) for p in _ELLIPSIS.split(quote)]
    pieces = [p.strip(" \"'") for p in pieces]
    pieces = [p for p in pieces if p]
    if not pieces:
        return False
    pos = 0
    for piece in pieces:
        found = source_normalized.find(piece, pos)
        if found < 0:
            return False
        pos = found + len(piece)
    return True
