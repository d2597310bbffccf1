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
from agentkit.coding.engine.text.sections import Section, heading_table

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


# A problem list often puts the state of a diagnosis in the next sentence ("3. Hypotension.
# Resolved, continue fluids.", "5. Diabetes type 2. Uncontrolled."): the state belongs to the
# short diagnosis before it. "Resolved" means the problem is no longer there; the other words
# refine it (uncontrolled, chronic, acute ...).
_RESOLVED = frozenset({"resolved"})
_STATE_WORDS = frozenset(
    {
        "uncontrolled",
        "controlled",
        "poorly",
        "well",
        "stable",
        "unstable",
        "improving",
        "improved",
        "worsening",
        "worsened",
        "chronic",
        "acute",
        "intractable",
        "exacerbation",
        "compensated",
        "decompensated",
        "resolving",
    }
)
_DX_KINDS = frozenset({"assessment", "diagnosis", "impression"})
_MAX_HEAD_TOKENS = 8
_MAX_STATE_TOKENS = 3


def _state_after(doc: Document, index: int) -> tuple[str, int]:
    """What the sentence after sentence ``index`` says of it: ``("resolved", 0)``,
    ``("state", token end)`` or ``("", 0)``."""
    sents = doc.sentences
    sent = sents[index]
    if (
        sent.section_kind not in _DX_KINDS
        or sent.tok_hi - sent.tok_lo > _MAX_HEAD_TOKENS
        or index + 1 >= len(sents)
    ):
        return "", 0
    nxt = sents[index + 1]
    if nxt.section_index != sent.section_index or nxt.tok_lo >= nxt.tok_hi:
        return "", 0
    norms = doc.tokens.norms
    first = norms[nxt.tok_lo]
    if first in _RESOLVED:
        return "resolved", 0
    if first not in _STATE_WORDS:
        return "", 0
    end = nxt.tok_lo + 1
    while end < nxt.tok_hi:
        gap = doc.text[doc.tokens.ends[end - 1] : doc.tokens.starts[end]]
        if any(c in gap for c in ",;:.-("):
            break  # "Uncontrolled, on insulin": the state ends at the comma
        if norms[end] not in _STATE_WORDS or end - nxt.tok_lo >= _MAX_STATE_TOKENS:
            return "", 0  # "Stable angina." is another diagnosis, not a state
        end += 1
    return "state", end


# A chief complaint is a phrase or a line. A short complaint followed by a long run of text
# has run on into a story its writer headed with something the note reader does not know as a
# heading (a case write-up's "CC: Headache. HX: This 44 y/o ... COURSE: ..."): the complaint is
# its first sentence only.
MAX_COMPLAINT_SECTION_WORDS = 50
MAX_COMPLAINT_WORDS = 10


def _story_after_complaint(doc: Document, section_index: int) -> int | None:
    """The first sentence index after the complaint of a run-on CC section, else None."""
    sec = doc.sections[section_index]
    if sec.kind != "chief_complaint":
        return None
    lo = doc.tokens.index_at_or_after(sec.start)
    hi = doc.tokens.index_before(sec.end)
    if hi - lo <= MAX_COMPLAINT_SECTION_WORDS:
        return None
    first = next((s for s in doc.sentences if s.section_index == section_index), None)
    if first is None or first.tok_hi - first.tok_lo > MAX_COMPLAINT_WORDS:
        return None  # "This 61-year-old man presents with ...": a history told as the complaint
    return first.index + 1


def statements_of(doc: Document, sections: list[int]) -> list[Statement]:
    """The statements of the given sections (indexes into ``doc.sections``), in note order."""
    wanted = set(sections)
    story = {i: j for i in wanted if (j := _story_after_complaint(doc, i)) is not None}
    out: list[Statement] = []
    text = doc.text
    for sent in doc.sentences:
        if sent.section_index not in wanted or sent.tok_lo >= sent.tok_hi:
            continue
        if sent.section_index in story and sent.index >= story[sent.section_index]:
            continue
        said, state_end = _state_after(doc, sent.index)
        if said == "resolved":
            continue
        if said == "state" and ";" not in text[sent.start : sent.end]:
            lo = doc.tokens.index_at_or_after(sent.start)
            hi = min(doc.tokens.index_before(sent.end), sent.tok_hi)
            if lo < hi:
                out.append(
                    Statement(
                        sent.start, sent.end, lo, state_end, sent.section_kind, sent.index, len(out)
                    )
                )
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


_SAME_PLUS = frozenset({"plus", "and", "with", "also", "well", "addition", "additionally"})


def _is_same_plus(doc: Document, section: Section) -> bool:
    """'Same plus adhesions', 'Same, and chronic cholecystitis': the preoperative diagnosis
    with more found at operation - both are the postoperative diagnosis."""
    lo = doc.tokens.index_at_or_after(section.start)
    hi = doc.tokens.index_before(section.end)
    words = doc.tokens.norms[lo:hi]
    if not words or words[0] != "same":
        return False
    i = 1
    while i < len(words) and words[i] in _SAME and words[i] != "same":
        i += 1  # "same as above", "same as preoperative diagnosis"
    return i < len(words) - 1 and words[i] in _SAME_PLUS


def _is_admitting(section: Section) -> bool:
    words = section.heading.lower().split()
    return bool(words) and words[0].startswith(("admitting", "admission"))


def section_plan(doc: Document, note_kind: str) -> list[tuple[str, list[int]]]:
    """The sources of diagnoses, best first: ``[(role, [section indexes])]``.

    Roles: ``primary`` (code these), ``admitting`` (a discharge summary's admitting diagnosis:
    only what the discharge diagnoses do not already say), then ``fallback`` groups tried in
    order when the primary statements give nothing codable.
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
        # a discharge summary's admitting diagnosis is what was thought on arrival; the
        # discharge (final) diagnoses say what the patient had
        admitting = [i for i in main if _is_admitting(doc.sections[i])]
        if admitting and len(admitting) < len(main):
            main = [i for i in main if i not in admitting]
            plan.append(("primary", main))
            plan.append(("admitting", admitting))
        else:
            plan.append(("primary", main))
    elif (
        postop
        and by_kind.get("preop_dx")
        and any(_is_same_plus(doc, doc.sections[i]) for i in postop)
    ):
        plan.append(("primary", sorted(postop + by_kind["preop_dx"])))
    elif postop:
        # a final diagnosis list closing a procedure note ("FINAL DIAGNOSES: 1. Barrett
        # esophagus. 2. Hiatal hernia.") is the fullest statement of what was found
        plan.append(("primary", sorted(postop + by_kind.get("diagnosis", []))))
    elif by_kind.get("postop_dx") and by_kind.get("preop_dx"):
        plan.append(("primary", by_kind["preop_dx"]))  # "Postoperative diagnosis: same"
    elif by_kind.get("diagnosis"):
        plan.append(("primary", by_kind["diagnosis"]))
    elif by_kind.get("impression") or by_kind.get("assessment") or note_kind != "radiology":
        plan.append(
            ("primary", sorted(by_kind.get("impression", []) + by_kind.get("assessment", [])))
        )
    else:
        # a report interpreted without an impression (an echocardiogram told under M-MODE,
        # DOPPLER and COMMENTS headings) states its diagnoses in its findings (guideline IV.K)
        table = heading_table()
        plan.append(
            (
                "primary",
                [
                    i
                    for i in sorted(by_kind.get("findings", []) + by_kind.get("other", []))
                    if table.states_report_findings(doc.sections[i].heading)
                ],
            )
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
