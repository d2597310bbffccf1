"""CPT coding of one analysed note: match the rules, resolve, grade and quote.

The result is the ``procedures`` list of the ``cpt_coding`` spec output: principal procedure
first, each line with modifiers, units, a verbatim evidence quote, a confidence and a
one-sentence rationale. Lines that lost in resolution are kept as ranked alternatives for the
candidate list given to LLMs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from agentkit.coding.engine.confidence import line_confidence
from agentkit.coding.engine.cpt.knowledge_view import KnowledgeView, knowledge_view
from agentkit.coding.engine.cpt.matcher import Hit, NoteFacts, match_rules
from agentkit.coding.engine.cpt.resolve import Line, resolve
from agentkit.coding.engine.cpt.ruleset import RuleSet, bundled_ruleset
from agentkit.coding.engine.evidence import quote_for
from agentkit.coding.engine.text.document import Document

__all__ = ["CptResult", "code_procedures"]

_SECTION_LABEL = {
    "procedure": "the procedure list",
    "description": "the procedure description",
    "technique": "the technique",
    "findings": "the findings",
    "impression": "the impression",
    "assessment": "the assessment",
    "body": "the note",
    "other": "the note",
    "specimens": "the specimens",
}


@dataclass
class CptResult:
    facts: NoteFacts
    lines: list[Line]
    procedures: list[dict[str, Any]]
    alternatives: list[dict[str, Any]]


def _summary(line: Line, kv: KnowledgeView) -> str:
    return line.hit.rule.summary or kv.description(line.code) or f"CPT {line.code}"


def _rationale(line: Line, kv: KnowledgeView) -> str:
    best = line.hit.mentions[0]
    where = _SECTION_LABEL.get(best.section_kind, "the note")
    words = best.sentence.text[best.start - best.sentence.start : best.end - best.sentence.start]
    text = f'{_summary(line, kv)}: {where} documents "{words}" as performed.'
    if line.side:
        text += f" Side: {line.side}."
    if line.reasons:
        text += " " + "; ".join(dict.fromkeys(line.reasons)) + "."
    return text


def _line_dict(doc: Document, facts: NoteFacts, line: Line, kv: KnowledgeView) -> dict[str, Any]:
    confidence = line_confidence(facts, line)
    return {
        "code": line.code,
        "modifiers": list(line.modifiers),
        "units": line.units,
        "evidence": quote_for(doc, line.hit.mentions[0]),
        "confidence": confidence,
        "rationale": _rationale(line, kv),
    }


def _alternative(doc: Document, hit: Hit, why: str, kv: KnowledgeView) -> dict[str, Any]:
    return {
        "code": hit.code,
        "description": hit.rule.summary or kv.description(hit.code),
        "evidence": quote_for(doc, hit.mentions[0]),
        "confidence": 0.3,
        "why": why,
    }


def code_procedures(
    doc: Document,
    *,
    date_of_service: date | None = None,
    age: int | None = None,
    ruleset: RuleSet | None = None,
) -> CptResult:
    """Code ``doc``'s procedures (no E/M, no diagnoses). ``age`` (years) from the input wins
    over an age written in the note."""
    rs = ruleset or bundled_ruleset()
    kv = knowledge_view(date_of_service)
    facts, hits = match_rules(doc, rs, age)
    lines = resolve(facts, hits, kv)
    procedures = [_line_dict(doc, facts, ln, kv) for ln in lines]
    chosen = {ln.code for ln in lines}
    alternatives = []
    for hit in hits:
        if hit.code in chosen:
            continue
        winner = next((ln.code for ln in lines if hit.code in ln.hit.rule.supersedes), None)
        why = (
            f"included in the more specific {winner}"
            if winner
            else "left out by bundling, add-on or unit rules"
        )
        alternatives.append(_alternative(doc, hit, why, kv))
    return CptResult(facts, lines, procedures, alternatives)
