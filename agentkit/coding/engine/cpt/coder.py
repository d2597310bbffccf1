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
from agentkit.coding.engine.cpt.fallback import fallback_procedures
from agentkit.coding.engine.cpt.knowledge_view import KnowledgeView, knowledge_view
from agentkit.coding.engine.cpt.matcher import Hit, NoteFacts, match_rules
from agentkit.coding.engine.cpt.resolve import Line, resolve
from agentkit.coding.engine.cpt.ruleset import RuleSet, bundled_ruleset
from agentkit.coding.engine.evidence import quote_for
from agentkit.coding.engine.note_type import is_teaching_case
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


_UNLISTED = "named only in the narrative, outside the procedures the note lists"
_IMAGING_ANATOMY = (
    "a major operation an imaging report names is the patient's anatomy, not its service"
)
_WRITE_UP_CONFIDENCE = 0.75  # below the bundled specs' review threshold (0.85)
_DISCONTINUED_CONFIDENCE = 0.8  # a judgment call (53, 52 or nothing): always reviewed
_BEGUN = ("common.procedure_begun",)
_STOPPED = ("common.procedure_stopped",)
# where a note tells the procedure begun and stopped (not its history, indications or plan)
_COURSE_SECTIONS = frozenset(
    {
        "procedure",
        "description",
        "technique",
        "findings",
        "complications",
        "anesthesia",
        "impression",
        "other",
        "body",
    }
)


def _outside_the_list(facts: NoteFacts, hit: Hit, kv: KnowledgeView) -> bool:
    """An operative note lists what was done. A service its narrative alone names, of a code
    family none of the listed procedures belongs to, is most often a step, an approach or a
    finding of the listed operation ("the ray amputation site", "an elliptical incision" of
    an ostomy, "the A1 pulley was incised" for exposure of a tendon repair, a stent that is
    removed at the end): it is left to the candidates, not coded. Add-on codes (guidance,
    grafts, each additional level) belong to their primary and are kept."""
    if facts.note_type != "procedure" or not facts.has_title:
        return False
    if any(m.sentence.index in facts.titles for m in hit.mentions):
        return False
    if hit.rule.addon_of or kv.is_add_on(hit.code):
        return False
    listed = facts.listed_families()
    if not listed or hit.rule.family in listed:
        return False
    # the list may name the service in general words ("skin biopsy" for a punch biopsy)
    return not _shares_a_word_with_the_list(facts, hit)


def _operation_seen_on_imaging(facts: NoteFacts, hit: Hit, kv: KnowledgeView) -> bool:
    """An imaging report bills its study and the image-guided procedures the radiologist does
    (biopsies, drains, injections, catheter work: 0- or 10-day globals). A major operation
    (90-day global) it names is something the images show ("streak artifact from the left
    total hip replacement", a graft repair followed up): never the reader's service."""
    if facts.note_type != "radiology" or hit.rule.family == "radiology":
        return False
    entry = kv.entry(hit.code)
    return entry is not None and entry.global_days == "090"


def _list_names_the_required_operation(
    facts: NoteFacts, hit: Hit, coded: frozenset[int] | set[int] = frozenset()
) -> bool:
    """The list may name only the operation a service is done within ("Functional endoscopic
    sinus surgery" over the biopsies its narrative tells): a rule that requires that
    operation finds it listed. Beside listed services, such narrative steps are most often
    parts of them, so the operation must be named in a list item no coded line was read
    from (``coded``: the sentences of the coded lines' own mentions)."""
    for group in hit.rule.requires:
        if any(
            m.sentence.index in facts.titles and m.sentence.index not in coded
            for m in facts.mentions(group)
        ):
            return True
    return False


# Words every operation uses: sharing one of them with the list says nothing.
_GENERIC_STEMS = frozenset(
    {
        "remov",
        "place",
        "incis",
        "excis",
        "perfo",
        "inser",
        "proce",
        "close",
        "closu",
        "repai",
        "obtai",
        "carri",
        "using",
        "right",
        "later",
        "bilat",
        "appro",
        "exami",
        "ident",
        "expos",
        "disse",
    }
)


def _shares_a_word_with_the_list(facts: NoteFacts, hit: Hit) -> bool:
    """Does a word of the service as the narrative names it (5-letter stem, "biopsy" and
    "biopsies") also stand in the procedure list?"""
    norms = facts.doc.tokens.norms
    listed: set[str] = set()
    for i in facts.titles:
        s = facts.doc.sentences[i]
        listed.update(w[:5] for w in norms[s.tok_lo : s.tok_hi] if len(w) >= 5)
    for m in hit.mentions:
        for w in norms[m.tok_lo : m.tok_hi]:
            if len(w) >= 5 and w[:5] not in _GENERIC_STEMS and w[:5] in listed:
                return True
    return False


def _discontinued_lines(
    doc: Document, facts: NoteFacts, rs: RuleSet, age: int | None, kv: KnowledgeView
) -> tuple[NoteFacts, list[Line]]:
    """A note whose only listed procedure is called attempted or aborted, and whose story
    tells it begun (anesthesia given, the patient prepped, an incision, a needle or scope in)
    and then stopped (the patient refused or could not tolerate it, the physician terminated
    it): the intended service with modifier 53. Called off before it began, nothing is
    reported; a failed attempt beside completed work is never reached here (those notes code
    the completed work)."""
    if facts.note_type != "procedure" or not facts.has_title:
        return facts, []
    if not facts.documented(_BEGUN, _COURSE_SECTIONS) or not facts.documented(
        _STOPPED, _COURSE_SECTIONS
    ):
        return facts, []
    stopped_facts, hits = match_rules(doc, rs, age, discontinued=True)
    stopped = [
        h
        for h in hits
        if any(
            m.status == "aborted" and m.sentence.index in stopped_facts.titles for m in h.mentions
        )
    ]
    lines = resolve(stopped_facts, stopped, kv)
    for ln in lines:
        if "53" not in ln.modifiers:
            ln.modifiers.insert(0, "53")
        ln.reasons.append("begun and then stopped: reported as discontinued (53)")
    return stopped_facts, lines


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
    imaged = [h for h in hits if _operation_seen_on_imaging(facts, h, kv)]
    hits = [h for h in hits if h not in imaged]
    unlisted = [h for h in hits if _outside_the_list(facts, h, kv)]
    lines = resolve(facts, [h for h in hits if h not in unlisted], kv)
    if lines and unlisted:
        # a listed operation no coded line accounts for ("Functional endoscopic sinus
        # surgery" beside a listed eyelid excision) is coded by what the narrative tells of it
        coded = {m.sentence.index for ln in lines for m in ln.hit.mentions}
        within = [h for h in unlisted if _list_names_the_required_operation(facts, h, coded)]
        if within:
            unlisted = [h for h in unlisted if h not in within]
            lines = resolve(facts, [h for h in hits if h not in unlisted], kv)
    if not lines and unlisted:
        within = [h for h in unlisted if _list_names_the_required_operation(facts, h)]
        if within:
            unlisted = [h for h in unlisted if h not in within]
            lines = resolve(facts, within, kv)
    discontinued = False
    if not lines:
        facts, lines = _discontinued_lines(doc, facts, rs, age, kv)
        discontinued = bool(lines)
    if not lines and is_teaching_case(doc):
        # A case write-up (CC / HX / EXAM / COURSE) is presented for the study it features,
        # told in its course ("Brain MRI revealed a mass in the thalamus"): the most valued
        # imaging study it tells as done here (not an outside or prior one) is the service.
        facts, hits = match_rules(doc, rs, age, narrative_studies=True)
        studies = [h for h in hits if h.rule.family == "radiology"]
        lines = resolve(facts, studies, kv)[:1]
        procedures = [_line_dict(doc, facts, ln, kv) for ln in lines]
        for proc in procedures:
            # About half of such picks are right on real write-ups: always a reviewer's call.
            proc["confidence"] = min(proc["confidence"], _WRITE_UP_CONFIDENCE)
    else:
        procedures = [_line_dict(doc, facts, ln, kv) for ln in lines]
        if discontinued:
            for proc in procedures:
                proc["confidence"] = min(proc["confidence"], _DISCONTINUED_CONFIDENCE)
        if not procedures:
            # an operative note whose listed procedure no rule recognises: the codebook's
            # closest row, at a confidence that sends the note to review
            procedures = fallback_procedures(facts, hits, kv.codebook())
    chosen = {ln.code for ln in lines}
    alternatives = [_alternative(doc, hit, _IMAGING_ANATOMY, kv) for hit in imaged]
    for hit in hits:
        if hit.code in chosen:
            continue
        winner = next((ln.code for ln in lines if hit.code in ln.hit.rule.supersedes), None)
        why = (
            f"included in the more specific {winner}"
            if winner
            else _UNLISTED
            if hit in unlisted
            else "left out by bundling, add-on or unit rules"
        )
        alternatives.append(_alternative(doc, hit, why, kv))
    return CptResult(facts, lines, procedures, alternatives)
