"""Evidence quotes: the note's own words that support a code, always a verbatim substring.

A coder checks a code against its evidence, so the quote should read as a statement: the
procedure line as dictated when the trigger is in the procedure list, otherwise the clause
around the trigger words. Offsets come from the original note, so the quote passes the
``quotes_in_source`` check by construction.
"""

from __future__ import annotations

import re

from agentkit.coding.engine.text.document import Document, Mention

__all__ = ["evidence_span", "quote_for"]

_LEAD = re.compile(r"[\s\d.)(\-*•#:]{0,8}")
_MAX_LINE = 160
_CONTEXT = 60


def _trim(doc: Document, start: int, end: int) -> tuple[int, int]:
    text = doc.text
    m = _LEAD.match(text, start, end)
    if m is not None and m.end() < end and text[m.end()].isalpha():
        start = m.end()
    while end > start and text[end - 1] in " \t\r\n.,;:":
        end -= 1
    return start, end


def evidence_span(doc: Document, mention: Mention[str]) -> tuple[int, int]:
    """Offsets of the quote for ``mention`` (see module docstring)."""
    sent = mention.sentence
    if sent.end - sent.start <= _MAX_LINE:
        return _trim(doc, sent.start, sent.end)
    lo = max(sent.start, mention.start - _CONTEXT)
    hi = min(sent.end, mention.end + _CONTEXT)
    text = doc.text
    # snap to word boundaries inside the sentence
    while lo > sent.start and lo < mention.start and not text[lo - 1].isspace():
        lo += 1
    while hi < sent.end and hi > mention.end and not text[hi].isspace():
        hi -= 1
    return _trim(doc, lo, hi)


def quote_for(doc: Document, mention: Mention[str]) -> str:
    """The verbatim quote for ``mention``."""
    start, end = evidence_span(doc, mention)
    quote = doc.text[start:end]
    return quote if quote.strip() else doc.text[mention.start : mention.end]
