"""Confidence of a code from the strength of its evidence.

The number is meant for routing, not decoration: the bundled specs send a note to human review
below 0.85, so anything a careful coder would want to look at must land below that. Strong:
the service is named in the procedure list and resolution needed no judgment. Weaker: named
only in the narrative or impression, a size-dependent code without a written size, a side that
is missing or contradicted, units counted from plural words, a distinct-site modifier, a note
that is not a procedure note.
"""

from __future__ import annotations

from agentkit.coding.engine.cpt.matcher import NoteFacts
from agentkit.coding.engine.cpt.resolve import Line

__all__ = ["REVIEW_THRESHOLD", "line_confidence"]

REVIEW_THRESHOLD = 0.85

_BY_SECTION = {
    "procedure": 0.93,
    "description": 0.88,
    "technique": 0.9,
    "other": 0.86,
    "body": 0.86,
    "findings": 0.84,
    "impression": 0.84,
    "assessment": 0.8,
    "specimens": 0.8,
}


def line_confidence(facts: NoteFacts, line: Line) -> float:
    """A value in [0.05, 0.99]; the reasons it was lowered are appended to ``line.reasons``."""
    hit = line.hit
    best = hit.mentions[0]
    in_title = best.sentence.index in facts.titles
    score = hit.rule.confidence or (0.93 if in_title else _BY_SECTION.get(best.section_kind, 0.8))
    if hit.rule.confidence is None and best.tok_hi - best.tok_lo >= 2:
        score += 0.02
    if len(hit.mentions) > 1:
        score += 0.02  # said more than once
    if hit.size_missing:
        score -= 0.25
        line.reasons.append("size not documented; the smallest size range was assumed")
    if hit.age_assumed:
        score -= 0.2
        line.reasons.append("age not documented; an adult was assumed")
    if line.side_conflict:
        score -= 0.25
    if line.side_missing:
        score -= 0.12
        line.reasons.append("side not documented")
    if line.units > 1 and hit.count is not None and not _count_written(facts, line):
        score -= 0.1
    if line.bypassed:
        score -= 0.1
    if facts.note_type == "other":
        score -= 0.1
    return round(min(0.99, max(0.05, score)), 2)


def _count_written(facts: NoteFacts, line: Line) -> bool:
    """Was the count behind the units written as a number (not guessed from a plural)?"""
    rule = line.hit.rule
    if rule.count is None or rule.count.levels or rule.count.limbs:
        return True  # (limbs are counted from the sides written with the muscles)
    from agentkit.coding.engine.text.attributes import count_before

    doc = facts.doc
    return any(count_before(doc, m.tok_lo) is not None for m in facts.mentions(rule.count.of))
