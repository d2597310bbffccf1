"""Diagnosis statements: which sections of a note state the diagnoses, cut into single items.

A coder reads the postoperative (or final) diagnosis of a procedure note, the impression of a
report, the assessment of a visit; only when those say nothing codable does she fall back to the
preoperative diagnosis, the indication or the reason for the visit. Within a section each
numbered item, line, sentence and ``;``-separated part is one statement; lists inside a
statement ("colon polyps, diverticulosis, hemorrhoids") are separated later, phrase by phrase.
"""

from __future__ import annotations

from dataclasses import dataclass

from agentkit.coding.engine.text.document import Document
from agentkit.coding.engine.text.sections import Section

__all__ = [
    "SECTION_LABELS",
    "Statement",
    "is_same_as_above",
    "section_plan",
    "statements_of",
]

SECTION_LABELS = {
    "postop_dx": "postoperative diagnosis",
    "preop_dx": "preoperative diagnosis",
    "diagnosis": "diagnosis",
    "impression": "impression",
    "assessment": "assessment",
    "indications": "indication",
    "chief_complaint": "chief complaint",
    "findings": "findings",
    "hpi": "history of present illness",
    "body": "note",
    "other": "note",
    "procedure": "procedure",
    "description": "procedure description",
}

_SAME = frozenset(
    {
        "same",
        "as",
        "above",
        "see",
        "the",
        "preoperative",
        "pre",
        "operative",
        "preop",
        "diagnosis",
        "diagnoses",
        "identical",
        "to",
        "op",
    }
)


@dataclass(frozen=True, slots=True)
class Statement:
    """One diagnosis statement: character span, token span and where it comes from."""

    start: int
    end: int
    tok_lo: int
    tok_hi: int
    section_kind: str
    sentence_index: int
    order: int  # position among the statements of the note


def statements_of(doc: Document, sections: list[int]) -> list[Statement]:
    """The statements of the given sections (indexes into ``doc.sections``), in note order."""
    wanted = set(sections)
    out: list[Statement] = []
    text = doc.text
    for sent in doc.sentences:
        if sent.section_index not in wanted or sent.tok_lo >= sent.tok_hi:
            continue
        start = sent.start
        while start < sent.end:
            cut = text.find(";", start, sent.end)
            end = sent.end if cut < 0 else cut
            lo = doc.tokens.index_at_or_after(start)
            hi = min(doc.tokens.index_before(end), sent.tok_hi)
            if lo < hi:
                out.append(Statement(start, end, lo, hi, sent.section_kind, sent.index, len(out)))
            start = end + 1
    return out


def is_same_as_above(doc: Document, section: Section) -> bool:
    """'Same.', 'Same as above', 'Same as preoperative diagnosis': a pointer, not a diagnosis."""
    lo = doc.tokens.index_at_or_after(section.start)
    hi = doc.tokens.index_before(section.end)
    words = doc.tokens.norms[lo:hi]
    return 0 < len(words) <= 8 and "same" in words and all(w in _SAME for w in words)


def section_plan(doc: Document, note_kind: str) -> list[tuple[str, list[int]]]:
    """The sources of diagnoses, best first: ``[(role, [section indexes])]``.

    Roles: ``primary`` (code these), then ``fallback`` groups tried in order when the primary
    statements give nothing codable.
    """
    by_kind: dict[str, list[int]] = {}
    for i, sec in enumerate(doc.sections):
        if doc.text[sec.start : sec.end].strip():
            by_kind.setdefault(sec.kind, []).append(i)
    postop = [i for i in by_kind.get("postop_dx", []) if not is_same_as_above(doc, doc.sections[i])]
    plan: list[tuple[str, list[int]]] = []
    if note_kind == "visit":
        main = sorted(
            by_kind.get("diagnosis", [])
            + by_kind.get("assessment", [])
            + by_kind.get("impression", [])
            + postop
        )
        plan.append(("primary", main))
    elif postop:
        plan.append(("primary", postop))
    elif by_kind.get("postop_dx") and by_kind.get("preop_dx"):
        plan.append(("primary", by_kind["preop_dx"]))  # "Postoperative diagnosis: same"
    elif by_kind.get("diagnosis"):
        plan.append(("primary", by_kind["diagnosis"]))
    else:
        plan.append(
            ("primary", sorted(by_kind.get("impression", []) + by_kind.get("assessment", [])))
        )
    reasons: tuple[str, ...] = ("indications", "chief_complaint")
    if note_kind == "radiology":
        reasons = ("indications", "chief_complaint", "history")  # HISTORY: the clinical reason
    findings: tuple[str, ...] = (
        ("findings", "technique") if note_kind == "radiology" else ("findings",)
    )
    for kinds in (
        ("impression", "assessment", "diagnosis"),
        ("preop_dx",),
        reasons,
        findings,
    ):
        group = sorted(i for k in kinds for i in by_kind.get(k, []))
        if group and all(group != g for _, g in plan):
            plan.append(("fallback", group))
    return [(role, idx) for role, idx in plan if idx]
