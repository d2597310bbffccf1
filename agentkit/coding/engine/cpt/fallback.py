"""The codebook fallback: a listed procedure that no rule codes, matched to the codebook.

An operative note that lists its procedure and gets no code at all from the concept rules goes
to review empty-handed. Here each listed procedure no fired rule covers is compared with the
codebook's own-words descriptions and synonyms; a code is proposed only when a row names the
same action and the same body part, names no other action, holds most of the item's words and
no other code fits as well. The line's confidence is capped low (``codebook_fallback.yaml``),
so the reviewer sees a starting point, never an answer taken as sure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from agentkit.coding.engine.cpt.matcher import Hit, NoteFacts
from agentkit.coding.engine.data_paths import DATA_DIR
from agentkit.coding.engine.yaml_data import load_yaml
from agentkit.errors import DataFileError

__all__ = ["FallbackSettings", "fallback_procedures", "fallback_settings"]

_PATH = DATA_DIR / "codebook_fallback.yaml"
_WORD = re.compile(r"[a-z]+")
# an item of a list inside one procedure line: "1. ..." or "...; ..."
_ITEM_SPLIT = re.compile(r"(?:^|\s)(?:\d{1,2}[.)]|#\d+)\s+|;|\n")
_STEM = 5


@dataclass(frozen=True)
class FallbackSettings:
    """What the fallback reads from its data file."""

    confidence: float
    min_coverage: float
    sections: frozenset[str]
    action_endings: tuple[str, ...]
    action_stems: frozenset[str]
    generic: frozenset[str]


def _words(raw: Any, key: str) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(w, str) and w for w in raw):
        raise DataFileError(str(_PATH), f"'{key}' must be a list of words")
    return [w.lower() for w in raw]


def _number(raw: Any, key: str) -> float:
    if not isinstance(raw, int | float) or not 0 < float(raw) <= 1:
        raise DataFileError(str(_PATH), f"'{key}' must be a number between 0 and 1")
    return float(raw)


@lru_cache(maxsize=1)
def fallback_settings() -> FallbackSettings:
    """The bundled settings (``engine/data/codebook_fallback.yaml``)."""
    data = load_yaml(_PATH)
    if not isinstance(data, dict):
        raise DataFileError(str(_PATH), "must be a mapping")
    return FallbackSettings(
        confidence=_number(data.get("confidence"), "confidence"),
        min_coverage=_number(data.get("min_coverage"), "min_coverage"),
        sections=frozenset(_words(data.get("sections"), "sections")),
        action_endings=tuple(_words(data.get("action_endings"), "action_endings")),
        action_stems=frozenset(w[:_STEM] for w in _words(data.get("action_words"), "action_words")),
        generic=frozenset(_words(data.get("generic_words"), "generic_words")),
    )


@dataclass(frozen=True)
class _Terms:
    """The action keys and body-part keys of a phrase."""

    actions: frozenset[str]
    parts: frozenset[str]


def _terms(text: str, cfg: FallbackSettings) -> _Terms:
    actions: set[str] = set()
    parts: set[str] = set()
    for w in _WORD.findall(text.lower()):
        if len(w) < 3 or w in cfg.generic:
            continue
        if w.endswith(cfg.action_endings):
            actions.add(w.rstrip("s"))
        elif w[:_STEM] in cfg.action_stems:
            actions.add(w[:_STEM])
        else:
            parts.add(w[:_STEM])
    return _Terms(frozenset(actions), frozenset(parts))


@lru_cache(maxsize=4)
def _index(book: Any, cfg: FallbackSettings) -> tuple[tuple[str, _Terms], ...]:
    """Every searched codebook term (description and synonyms) with its keys."""
    rows: list[tuple[str, _Terms]] = []
    for entry in book:
        if str(entry.section).lower() not in cfg.sections or entry.add_on:
            continue
        for term in entry.terms():
            t = _terms(term, cfg)
            if t.actions and t.parts:
                rows.append((entry.code, t))
    return tuple(rows)


def _best_code(
    item: _Terms, rows: Iterable[tuple[str, _Terms]], cfg: FallbackSettings
) -> str | None:
    """The one code whose row names the item's action and body part and most of its words."""
    if not item.actions or not item.parts:
        return None
    size = len(item.actions) + len(item.parts)
    best = 0.0
    codes: set[str] = set()
    for code, row in rows:
        if row.actions - item.actions:  # the row names another action
            continue
        shared_actions = item.actions & row.actions
        shared_parts = item.parts & row.parts
        if not shared_actions or not shared_parts:
            continue
        score = (len(shared_actions) + len(shared_parts)) / size
        if score > best + 1e-9:
            best, codes = score, {code}
        elif abs(score - best) <= 1e-9:
            codes.add(code)
    if best < cfg.min_coverage or len(codes) != 1:
        return None
    return next(iter(codes))


def _listed_items(facts: NoteFacts) -> Iterable[tuple[int, int]]:
    """(start, end) of each procedure the note's procedure list names."""
    doc = facts.doc
    for i in sorted(facts.titles):
        s = doc.sentences[i]
        if s.section_kind != "procedure":
            continue
        body = doc.text[s.start : s.end]
        pos = 0
        for m in _ITEM_SPLIT.finditer(body):
            yield s.start + pos, s.start + m.start()
            pos = m.end()
        yield s.start + pos, s.end


def fallback_procedures(facts: NoteFacts, hits: list[Hit], book: Any) -> list[dict[str, Any]]:
    """Low-confidence lines for listed procedures that no fired rule covers (one per code)."""
    if facts.note_type != "procedure" or not facts.has_title or book is None:
        return []
    cfg = fallback_settings()
    covered = [(m.start, m.end) for h in hits for m in h.mentions]
    rows = _index(book, cfg)
    text = facts.doc.text
    out: list[dict[str, Any]] = []
    for lo, hi in _listed_items(facts):
        raw = text[lo:hi]
        quote = raw.strip(" \t.,:;-")
        if len(quote) < 5 or len(quote.split()) > 12:
            continue
        if any(a < hi and b > lo for a, b in covered):
            continue
        code = _best_code(_terms(quote, cfg), rows, cfg)
        if code is None or any(line["code"] == code for line in out):
            continue
        entry = book.get(code)
        out.append(
            {
                "code": code,
                "modifiers": [],
                "units": 1,
                "evidence": quote,
                "confidence": cfg.confidence,
                "rationale": (
                    f"No coding rule recognised the listed procedure; its words match the"
                    f" codebook's {code} ({entry.description if entry else code})."
                    " A starting point for review, not a coded answer."
                ),
            }
        )
    return out
