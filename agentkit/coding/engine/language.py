"""Is this text an English clinical note at all?

A note in another language or a page of garbage must yield no codes (and so go to review),
even when some of its words look like procedure names (``colonoscopia``). English notes,
however terse, use English function words; a note that does not, past a few dozen words, is
not something the rules were written for.
"""

from __future__ import annotations

from agentkit.coding.engine.text.document import Document

__all__ = ["is_english_clinical"]

_FUNCTION_WORDS = frozenset(
    ["the", "and", "of", "was", "were", "with", "to", "in", "is", "for", "on", "this", "that", "at", "by", "from", "as", "be", "which", "under", "then", "patient", "patients", "there", "had", "has", "have", "he", "she", "his", "her", "it", "after", "into", "we", "placed"]
)
_MIN_WORDS = 30
_MIN_RATIO = 0.06


def is_english_clinical(doc: Document) -> bool:
    """False for long-enough text with almost no English function words or letters."""
    norms = doc.tokens.norms
    if not norms:
        return False
    words = [w for w in norms if w and not w.isdigit()]
    if not words:
        return False
    if len(norms) < _MIN_WORDS:
        return any(any("a" <= c <= "z" for c in w) for w in words)
    hits = sum(1 for w in words if w in _FUNCTION_WORDS)
    return hits / len(words) >= _MIN_RATIO
