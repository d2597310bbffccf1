"""Split section bodies into sentences, keeping offsets into the original note.

A sentence ends at ``.``, ``!`` or ``?`` followed by space and a word that does not start in
lower case, at a blank line, and at a line break unless the next line continues in lower case
(a wrapped line). It does not end after a title or Latin abbreviation (``Dr.``, ``e.g.``,
``approx.``; a capital ``V.`` or ``I.`` is a Roman numeral and ends one), inside a decimal
(``1.5 cm``), or after a list number (``1. Laparoscopic ...``).
A sentence never crosses a section boundary. The scan is linear in the length of the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ABBREVIATIONS", "Span", "split_sentences"]

_ABBREVIATIONS_TEXT = (
    "dr mr mrs ms prof st vs v eg e g ie i etc approx appr no nos fig figs cf al inc co "
    "ltd jr sr mt ft pt pts viz resp dept esp est min max hr hrs wk wks mo yr yrs"
)
ABBREVIATIONS: frozenset[str] = frozenset(_ABBREVIATIONS_TEXT.split())

# "V." and "I." written in capitals are Roman numerals ending a sentence ("neck dissection,
# levels II through V. Left ..."), not "v." (versus) or "i.e."
_ROMAN_LETTERS = frozenset({"V", "I"})

_BOUNDARY = re.compile(r"[.!?]+|\n")
_PREV_WORD = re.compile(r"([A-Za-z]{1,12}|[0-9]{1,3})$")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _next_visible(text: str, pos: int, limit: int) -> int:
    """Index of the next non-blank character at or after ``pos`` (``limit`` if none)."""
    while pos < limit and text[pos] in " \t\r":
        pos += 1
    return pos


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans (trimmed, non-empty) of ``text[start:end]``."""
    spans: list[Span] = []
    sent_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        b_start, b_end = m.span()
        if text[b_start] == "\n":
            nxt = _next_visible(text, b_end, end)
            if nxt < end and text[nxt].islower():
                continue  # wrapped line
            cut = b_start
        else:
            if b_end < end and not text[b_end].isspace():
                continue  # 1.5, e.g.x, U.S.
            nxt = _next_visible(text, b_end, end)
            if nxt < end and text[nxt] != "\n" and text[nxt].islower():
                continue
            prev = _PREV_WORD.search(text, max(sent_start, b_start - 12), b_start)
            if prev is not None:
                word = prev.group(1).lower()
                if (
                    text[b_start] == "."
                    and word in ABBREVIATIONS
                    and b_end - b_start == 1
                    and prev.group(1) not in _ROMAN_LETTERS
                ):
                    continue
                if (
                    (word.isdigit() or prev.group(1) in _ROMAN_LETTERS)
                    and prev.start() - sent_start <= 8
                    and not text[sent_start : prev.start()].strip(" \t\r\n-*•(#")
                ):
                    continue  # list number: "1. Laparoscopic ...", "V. Abrasions ..."
            cut = b_end
        s, e = _trim(text, sent_start, cut)
        if s < e:
            spans.append(Span(s, e))
        sent_start = cut if text[b_start] == "\n" else b_end
    s, e = _trim(text, sent_start, end)
    if s < e:
        spans.append(Span(s, e))
    return spans
