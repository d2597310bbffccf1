"""Read one diagnosis statement: which diagnoses it states, how sure, and their codes.

Curated phrases (``data/concepts/*.yaml``) are found first, longest first; each is refined from the
words around it (side, site, acuity, spine level). Words of the statement that no phrase
explains go to the tabular word index. Every mention gets the assertion status of the text
pipeline: a negated, planned, family or historical diagnosis is not coded, and an uncertain one
("probable", "consistent with", "rule out") is set aside so that its signs and symptoms can be
coded instead (outpatient guideline IV.H).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Final, TypeVar

from agentkit.coding.engine.icd10.concepts import NOT_CODED, Concept, ConceptIndex
from agentkit.coding.engine.icd10.guidelines import guidelines
from agentkit.coding.engine.icd10.lexicon import Lexicon
from agentkit.coding.engine.icd10.statements import Statement
from agentkit.coding.engine.icd10.tabular_index import Candidate, TabularIndex
from agentkit.coding.engine.text.attributes import SpineLevel, paired_sites, sides, spine_levels
from agentkit.coding.engine.text.document import Document, assertion_of
from agentkit.coding.engine.text.phrases import PhraseSet

_V = TypeVar("_V")

__all__ = ["Found", "NoteContext", "exam_site_pain", "read_statement", "remote_in", "spine_key"]

ACCEPT_SCORE = 0.8
ACCEPT_RECALL = 0.75
MAX_TABULAR_WORDS = 10
SINGLE_WORD_WEIGHT = 7.0
_SIDE_WORDS = frozenset({"right", "left", "bilateral", "bilaterally", "rt", "lt", "both"})
_CONDITION_WORDS = frozenset(
    {"disease", "diseases", "disorder", "disorders", "dysfunction", "abnormality", "dz"}
)
_CONDITION_SUFFIXES = (
    "itis",
    "osis",
    "oma",
    "pathy",
    "emia",
    "algia",
    "ia",
    "ism",
    "plasia",
    "cele",
    "rrhea",
    "ux",
)
_BREAKS = frozenset({",", ";", "and", "&", "/", "with", "plus", "also"})
_FAMILY_HISTORY = ("Z80.", "Z81.", "Z82.", "Z83.", "Z84.")
# the eye chapter (H00-H59) by a title match needs the statement to be about the eye: "venous
# engorgement" of the airways is not the retinal "venous engorgement" H34.82-
_EYE_CHAPTER = ("H0", "H1", "H2", "H3", "H4", "H5")
_EYE_STEMS = (
    "eye",
    "ocul",
    "retin",
    "macul",
    "vitre",
    "cornea",
    "corneal",
    "kerat",
    "conjunctiv",
    "lid",
    "eyelid",
    "blephar",
    "chalaz",
    "hordeol",
    "ptosis",
    "ptotic",
    "orbit",
    "optic",
    "vision",
    "visual",
    "sight",
    "blind",
    "fundus",
    "fundi",
    "iris",
    "irid",
    "uve",
    "scler",
    "episcler",
    "choroid",
    "chorio",
    "pupil",
    "lens",
    "cataract",
    "glaucom",
    "strabism",
    "esotrop",
    "exotrop",
    "ambly",
    "diplop",
    "nystag",
    "myop",
    "hyperop",
    "presbyop",
    "astigmat",
    "lacrim",
    "nasolacrim",
    "dacryo",
    "tear",
    "pterygi",
    "papill",
)
_EYE_WORDS = frozenset({"od", "os", "ou"})
# words of an operation: an anatomy made by surgery ("esophagectomy with colonic
# transposition", "ileal conduit after cystectomy") is no congenital malformation, whose
# tabular inclusion terms ("Transposition of colon") name the same anatomy
_OPERATION_SUFFIXES = ("ectomy", "ectomies", "ostomy", "otomy", "plasty", "pexy", "rrhaphy")
_FAMILY_WORDS = frozenset({"family", "history", "histories", "hx", "of", "other", "specified"})
_NEGATORS = frozenset({"without", "no", "not", "w/o"})
# words that link a diagnosis to its cause, treatment or qualifier: when a whole segment has
# no title ("polymyositis on immunosuppressive therapy", "stomatitis probably secondary to
# methotrexate"), its parts are read one by one
_LINK_JOINS = ("with", "and", "plus", "on", "secondary", "due", "probably", "likely", "possibly")
_LINKS = frozenset(_LINK_JOINS) - {"and", "plus"}
_REASON_KINDS = frozenset({"indications", "history", "chief_complaint"})
# before "history of": a denied or an unknown past ("it is unknown whether he has a history
# of diabetes") is no condition
_DENIALS = frozenset(
    {
        "no",
        "not",
        "never",
        "denies",
        "denied",
        "without",
        "negative",
        "unknown",
        "unclear",
        "whether",
    }
)
_DIAGNOSIS_KINDS = frozenset({"assessment", "impression", "diagnosis", "postop_dx", "preop_dx"})
_REGION_WORDS = {
    "cervical": "cervical",
    "thoracic": "thoracic",
    "lumbar": "lumbar",
    "lumbosacral": "lumbosacral",
    "thoracolumbar": "thoracolumbar",
    "cervicothoracic": "cervicothoracic",
    "sacral": "sacral",
}
_LETTER_REGION = {
    ("C", "C"): "cervical",
    ("C", "T"): "cervicothoracic",
    ("T", "T"): "thoracic",
    ("T", "L"): "thoracolumbar",
    ("L", "L"): "lumbar",
    ("L", "S"): "lumbosacral",
    ("S", "S"): "sacral",
}


@dataclass
class Found:
    """A diagnosis read from the note, before guideline rules."""

    code: str
    start: int  # evidence span in the note
    end: int
    statement: Statement
    how: str  # "index" (curated phrase) | "tabular" | "rule"
    name: str
    score: float = 1.0  # match quality (tabular), 1.0 for curated phrases
    notes: list[str] = field(default_factory=list)
    penalty: float = 0.0
    status: bool = False  # a status code that stays true after the fact
    # more codes the same words call for: the left code of a bilateral condition with no
    # bilateral code, the code of another spine interspace of the statement
    more: list[str] = field(default_factory=list)
    episode: str = ""  # the 7th character the statement calls for ("D": s/p ORIF of it)
    # each code a diagnosis of its own (the parts of one fracture: "left angle and right body"),
    # never the vaguer duplicate of another
    distinct: bool = False
    # the words of the past diagnosis a personal-history code was read from ("history of
    # colon cancer": the cancer), for what the sentence tells around them
    past_mention: tuple[int, int] | None = None


@dataclass
class NoteContext:
    """Note-level facts the statements share (computed once per note)."""

    doc: Document
    concepts: ConceptIndex
    tabular: TabularIndex
    lex: Lexicon
    context_side: str | None  # the side of the procedure, when one side is documented
    context_spine: list[SpineLevel]
    note_sentences: list[int]  # sentences where note-wide refinements may be found
    seventh: str = "A"
    # present mentions of a fracture healing problem: (start, end, "G" | "K" | "P"), and
    # mentions of a sequela (start, end, "S"): an injury said with one is its late effect
    healing: tuple[tuple[int, int, str], ...] = ()
    # a visit or report: a fracture "status post ORIF" is followed up while it heals
    fracture_followup: bool = False
    # a visit or an operative note (its HISTORY is the indication): a diagnosis naming a
    # paired part without a side takes the side the chief
    # complaint or history gives that part ("Ankle sprain." after "twisted her right ankle")
    sides_from_history: bool = False
    history_is_indication: bool = False  # radiology: HISTORY is the clinical indication
    # a procedure note: a sign or symptom its indication tells as "history of" ("history of
    # irritability and diarrhea") is the complaint the procedure is done for
    indication_symptom_history: bool = False
    # reading a procedure note's indication or history for the chronic conditions of its
    # patient ("The patient has a history of diabetes"): a chronic one told as history is
    # the condition now, as in a diagnosis list
    comorbidity_reading: bool = False
    # a report: the token spans of its study title ("MRI OF THE LEFT KNEE"), whose site
    # refines a finding the impression names without one ("Arthrosis, joint effusion")
    study_title: tuple[tuple[int, int], ...] = ()
    # sentences read as stated problems although their section is a plan (the head of a
    # numbered plan item, "2. Hypertension.")
    problem_heads: frozenset[int] = frozenset()
    # a study of one body site ("MRI of the right ankle"): the curated "<site> pain" concept
    # a bare "Pain." given as the reason for the study means
    exam_site_pain: int | None = None

    def note_has(
        self,
        phrases: PhraseSet[int],
        unless: PhraseSet[int] | None = None,
        *,
        story: bool = False,
        not_in_reports: bool = False,
    ) -> tuple[int, int] | None:
        """Span of the first present mention of ``phrases`` in the note-wide sentences; a
        mention that overlaps an ``unless`` phrase does not count. With ``story``, a mention
        of the story a HISTORY or HPI section tells counts too, though read as past there
        ("a history of back pain radiating into the leg" before the discectomy). With
        ``not_in_reports``, nothing counts in an imaging report."""
        doc = self.doc
        if not_in_reports and self.history_is_indication:
            return None  # an imaging report
        for si in self.note_sentences:
            sent = doc.sentences[si]
            spans = (
                [
                    (u.start, u.end)
                    for u in unless.find_all(doc.tokens.norms, sent.tok_lo, sent.tok_hi)
                ]
                if unless is not None
                else []
            )
            for m in phrases.find_all(doc.tokens.norms, sent.tok_lo, sent.tok_hi):
                if m.start > sent.tok_lo and doc.tokens.norms[m.start - 1] in _NOT_PREFIX:
                    continue  # "non-insulin-dependent" does not document insulin
                if any(a < m.end and m.start < b for a, b in spans):
                    continue
                s, e = doc.tokens.starts[m.start], doc.tokens.ends[m.end - 1]
                # a plan ("continue insulin") documents current management too
                status = assertion_of(doc, s, e).status
                if status in ("present", "hypothetical") or (
                    story and status == "historical" and sent.section_kind in _STORY_KINDS
                ):
                    return s, e
        return None


_NOT_PREFIX = frozenset({"non", "not", "no", "without"})
_STORY_KINDS = frozenset({"history", "hpi"})


def spine_key(levels: list[SpineLevel]) -> tuple[str | None, str | None]:
    """(interspace such as ``C5-C6``, region such as ``cervical``) of the first level."""
    if not levels:
        return None, None
    lv = levels[0]
    region = _LETTER_REGION.get((lv.first[0], lv.last[0]))
    space = None
    if lv.first != lv.last:
        space = f"{lv.first}-{lv.last}"
    return space, region


_SPINE_ORDER = [f"C{i}" for i in range(1, 8)] + [f"T{i}" for i in range(1, 13)]
_SPINE_ORDER += [f"L{i}" for i in range(1, 6)] + [f"S{i}" for i in range(1, 6)]


def _adjacent(level: SpineLevel) -> bool:
    """An interspace of two neighbouring vertebrae (``C6-C7``, ``L5-S1``), not a range."""
    if level.first not in _SPINE_ORDER or level.last not in _SPINE_ORDER:
        return False
    return _SPINE_ORDER.index(level.last) - _SPINE_ORDER.index(level.first) == 1


def _side_near(doc: Document, before: tuple[int, int], after: tuple[int, int]) -> str | None:
    """The side said just before a mention (after the last list break) or just after it."""
    text = doc.text
    b_lo, b_hi = before
    cut = max(text.rfind(",", b_lo, b_hi), text.rfind(";", b_lo, b_hi))
    low = doc.lower
    for word in (" and ", " with "):
        cut = max(cut, low.rfind(word, b_lo, b_hi))
    found = sides(doc, max(b_lo, cut + 1), b_hi) if b_hi > b_lo else []
    if found:
        kinds = {s.side for s in found}
        return "bilateral" if "bilateral" in kinds or len(kinds) > 1 else found[-1].side
    a_lo, a_hi = after
    stop = a_hi
    for word in (" and ", " with ", ";"):
        k = low.find(word, a_lo, a_hi)
        if k >= 0:
            stop = min(stop, k)
    found = sides(doc, a_lo, stop) if stop > a_lo else []
    if found and not _opens_its_part(doc, a_lo, found[0].start):
        # the first side lies deep in a clause after a comma: another thing's side
        # ("pelvic pain, noted to have a left ovarian mass"); one that goes on a list of
        # sides ("of the left uterosacral ligament, ... of the right") still counts
        found = []
    if found:
        kinds = {s.side for s in found}
        return "bilateral" if "bilateral" in kinds or len(kinds) > 1 else found[0].side
    return None


_SIDE_AFTER_COMMA = 2  # words: "Rotator cuff tear, right shoulder", "Pelvic pain, on the left"


def _opens_its_part(doc: Document, lo: int, at: int) -> bool:
    """A side after a mention is its side when no comma lies between, or when it opens the
    part after the last comma ("Rotator cuff tear, right shoulder", "Abscess, on the left")."""
    cut = doc.text.rfind(",", lo, at)
    if cut < 0:
        return True
    return len(doc.text[cut + 1 : at].split()) <= _SIDE_AFTER_COMMA


_TOLD_KINDS = frozenset({"chief_complaint", "hpi", "history"})
_NOT_NOW_KINDS = frozenset(
    {"pmh", "psh", "family_history", "social_history", "medications", "allergies"}
)
_SITE_AFTER_SIDE = 3  # "right lower extremity", "left lateral ankle", "right rotator cuff"


def _history_site_sides(doc: Document) -> dict[str, str]:
    """The side the chief complaint or history gives each paired body part ("twisted her
    right ankle": ankle is right), when the note names that part with no other side
    anywhere (past history aside). Two passes over the note (sides, body parts), once per
    note, only when a diagnosis lacks a side."""
    cached: dict[str, str] | None = doc.memo.get("icd10.site_sides")
    if cached is not None:
        return cached
    t = doc.tokens
    at: dict[int, list[str]] = {}
    for site in paired_sites(doc):
        at.setdefault(site.token_start, []).append(site.site)
    told: dict[str, set[str]] = {}
    said: dict[str, set[str]] = {}
    for side in sides(doc):
        sent = doc.sentence_at(side.start)
        if sent is None or sent.section_kind in _NOT_NOW_KINDS:
            continue
        k = t.index_at_or_after(side.end)
        for j in range(k, min(k + _SITE_AFTER_SIDE, sent.tok_hi)):
            if j > k and (
                any(c in doc.text[t.ends[j - 1] : t.starts[j]] for c in ",;:()/")
                or t.norms[j] in ("and", "or", "with", "to", "than", "versus")
            ):
                break
            for name in at.get(j, ()):
                said.setdefault(name, set()).add(side.side)
                if sent.section_kind in _TOLD_KINDS:
                    told.setdefault(name, set()).add(side.side)
    found = {
        name: next(iter(got))
        for name, got in told.items()
        if len(got) == 1 and said.get(name) == got
    }
    doc.memo["icd10.site_sides"] = found
    return found


def _history_side(ctx: NoteContext, lo: int, hi: int, st: Statement) -> str | None:
    """The side of the one paired part named in the mention (tokens ``[lo, hi)``), else in
    its statement, as the chief complaint or history gives it."""
    if not ctx.sides_from_history:
        return None
    doc = ctx.doc
    names = {s.site for s in paired_sites(doc, doc.tokens.starts[lo], doc.tokens.ends[hi - 1])}
    if not names:
        names = {s.site for s in paired_sites(doc, st.start, st.end)}
    if len(names) != 1:
        return None
    return _history_site_sides(doc).get(names.pop())


def _statement_side(doc: Document, st: Statement) -> str | None:
    """The side of a statement that names exactly one side ("Lipoma, left knee"); a past
    clause after a comma ("status post right endarterectomy") tells another thing's side."""
    past = _past_clause_after(doc, st, st.tok_lo + 1) if st.tok_hi > st.tok_lo else None
    found = sides(doc, st.start, past if past is not None else st.end)
    kinds = {s.side for s in found}
    return found[0].side if len(kinds) == 1 else None


# Sections whose sentences tell the note's diagnoses in more detail than its diagnosis list:
# the findings of a procedure, its narrative and indication, a visit's history ("Torn
# rotator cuff, right shoulder." with "a full thickness tear of the supraspinatus" in the
# findings; "lacerations of the periorbital area" with "lacerations of the right periorbital
# area" in the history). Not another diagnosis list (what the postoperative or discharge
# diagnosis no longer says - "intractable" on admission - it does not mean), the plan, the
# past history or the medications.
_DETAIL_KINDS = frozenset(
    {
        "findings", "exam", "description", "technique", "indications", "hpi", "history",
        "chief_complaint", "body", "other",
    }
)  # fmt: skip


# the side of a diagnosis may also come from the preoperative diagnosis that names it ("Rotator
# cuff tear, left." before "Partial rotator cuff tear."): the operation does not change sides,
# though the postoperative diagnosis may change its type (so no refinement from there)
_SIDE_KINDS = _DETAIL_KINDS | {"preop_dx"}


def _mentions_by_concept(
    ctx: NoteContext, kinds: frozenset[str] = _DETAIL_KINDS
) -> dict[int, list[tuple[int, int, int]]]:
    """Every present mention of a curated diagnosis in the ``kinds`` sections (the detail
    sections), by concept: (sentence index, token start, token end). Once per note, when a
    diagnosis lacks a refinement or a side."""
    doc = ctx.doc
    key = "icd10.by_concept" if kinds is _DETAIL_KINDS else "icd10.by_concept_side"
    cached: dict[int, list[tuple[int, int, int]]] | None = doc.memo.get(key)
    if cached is not None:
        return cached
    found: dict[int, list[tuple[int, int, int]]] = {}
    t = doc.tokens
    for sent in doc.sentences:
        if sent.section_kind not in kinds:
            continue
        for m in ctx.concepts.find_all(t.norms, sent.tok_lo, sent.tok_hi):
            if not _NEGATORS.isdisjoint(t.norms[m.start + 1 : m.end]):
                continue
            s, e = t.starts[m.start], t.ends[m.end - 1]
            a = assertion_of(doc, s, e)
            # for the side, the story a HISTORY section tells (historical by its section,
            # no "history of" / "prior" cue) is the same injury or disease
            if a.status == "present" or (
                kinds is _SIDE_KINDS and a.status == "historical" and a.cue is None
            ):
                found.setdefault(m.payload, []).append((sent.index, m.start, m.end))
    doc.memo[key] = found
    return found


_CLAUSE_REACH = 6  # tokens: "a full thickness tear of the supraspinatus tendon"
_CLAUSE_BREAKS = frozenset({"and", "or", "but", "versus", "vs"})


def _clause(doc: Document, sent_lo: int, sent_hi: int, lo: int, hi: int) -> tuple[int, int]:
    """Tokens of the clause around a mention: up to a few words each side, not across a
    list break ("facet arthropathy, osteoarthritis of the knee": the facet is not the
    knee's)."""
    t = doc.tokens

    def breaks(k: int) -> bool:  # a break between tokens k - 1 and k
        gap = doc.text[t.ends[k - 1] : t.starts[k]]
        return any(c in gap for c in ",;:()") or t.norms[k] in _CLAUSE_BREAKS

    a = lo
    while (
        a > max(sent_lo, lo - _CLAUSE_REACH)
        and not breaks(a)
        and t.norms[a - 1] not in _CLAUSE_BREAKS
    ):
        a -= 1
    b = hi
    while b < min(sent_hi, hi + _CLAUSE_REACH) and not breaks(b):
        b += 1
    return a, b


def _first_told_elsewhere(
    ctx: NoteContext,
    concept_id: int,
    st: Statement,
    kinds: frozenset[str],
    what: str,
    told: Callable[[int, int, int], Iterable[tuple[Hashable, _V]]],
) -> list[_V]:
    """What the other mentions of a diagnosis tell (``told`` of each mention: (key, value)
    pairs), one value per key from the first mention outside the statement's sentence that
    tells it, in the order the note tells them.

    Each mention is read once per note: a note that repeats a diagnosis in every sentence
    would otherwise read all its mentions again for each statement (quadratic in a long
    note)."""
    memo_key = f"icd10.elsewhere.{what}.{concept_id}"
    table: dict[Hashable, list[tuple[int, int, int, int, _V]]] | None = ctx.doc.memo.get(memo_key)
    if table is None:
        table = {}
        mentions = _mentions_by_concept(ctx, kinds).get(concept_id, [])
        for n, (si, lo, hi) in enumerate(mentions):
            for j, (key, value) in enumerate(told(si, lo, hi)):
                table.setdefault(key, []).append((n, j, si, lo, value))
        ctx.doc.memo[memo_key] = table
    firsts: list[tuple[int, int, _V]] = []
    for entries in table.values():
        # (only the few mentions inside the statement's own sentence are passed over)
        for n, j, si, lo, value in entries:
            if si != st.sentence_index and not st.tok_lo <= lo < st.tok_hi:
                firsts.append((n, j, value))
                break
    firsts.sort(key=lambda f: (f[0], f[1]))
    return [value for _, _, value in firsts]


def _refinement_elsewhere(
    ctx: NoteContext, concept: Concept, concept_id: int, st: Statement
) -> tuple[int, int, int] | None:
    """The one refinement the other mentions of the same diagnosis tell in their own
    clause, present (not "no full thickness tear"); None when none or several, or for a
    lesion a note may tell several of (another polyp's site is not this one's)."""
    if guidelines().is_countable(concept.code):
        return None

    def told(si: int, lo: int, hi: int) -> list[tuple[Hashable, tuple[int, int, int]]]:
        sent = ctx.doc.sentences[si]
        c_lo, c_hi = _clause(ctx.doc, sent.tok_lo, sent.tok_hi, lo, hi)
        hit = _first_refinement(ctx, concept, c_lo, c_hi)
        if hit is None or concept.refine[hit[0]].code == NOT_CODED:
            return []
        s, e = ctx.doc.tokens.starts[hit[1]], ctx.doc.tokens.ends[hit[2] - 1]
        wanted = "negated" if concept.refine[hit[0]].denied else "present"
        return [(hit[0], hit)] if assertion_of(ctx.doc, s, e).status == wanted else []

    hits = _first_told_elsewhere(ctx, concept_id, st, _DETAIL_KINDS, "refinement", told)
    return hits[0] if len(hits) == 1 else None


def _side_elsewhere(
    ctx: NoteContext, concept: Concept, concept_id: int, st: Statement
) -> str | None:
    """The one side the other mentions of the same diagnosis are told with ("multiple
    complex lacerations of the right periorbital area" in the history)."""
    if guidelines().is_countable(concept.code):
        return None
    doc = ctx.doc
    t = doc.tokens

    def told(si: int, lo: int, hi: int) -> list[tuple[Hashable, str]]:
        sent = doc.sentences[si]
        s, e = t.starts[lo], t.ends[hi - 1]
        inner = {m.side for m in sides(doc, s, e)}
        side = inner.pop() if len(inner) == 1 else None
        if side is None:
            side = _side_near(doc, (sent.start, s), (e, sent.end))
        return [] if side is None else [(side, side)]

    found = _first_told_elsewhere(ctx, concept_id, st, _SIDE_KINDS, "side", told)
    return found[0] if len(found) == 1 else None


def _only_refinement_in(
    ctx: NoteContext, concept: Concept, spans: tuple[tuple[int, int], ...]
) -> tuple[int, int, int] | None:
    """The one refinement (by code) of ``concept`` the token ``spans`` tell, present; None
    when they tell none or several ("MRI orbit/face/neck")."""
    doc = ctx.doc
    hits: dict[str, tuple[int, int, int]] = {}
    for ri, ref in enumerate(concept.refine):
        if ref.code == NOT_CODED or ref.denied:
            continue
        for lo, hi in spans:
            for m in ref.phrases.find_all(doc.tokens.norms, lo, hi):
                s, e = doc.tokens.starts[m.start], doc.tokens.ends[m.end - 1]
                if assertion_of(doc, s, e).status == "present":
                    hits.setdefault(ref.code or concept.code, (ri, m.start, m.end))
    return next(iter(hits.values())) if len(hits) == 1 else None


def _first_refinement(
    ctx: NoteContext,
    concept: Concept,
    lo: int,
    hi: int,
    others: list[tuple[int, int]] | None = None,
) -> tuple[int, int, int] | None:
    """(refinement index, token start, token end) of the first refinement found in tokens
    ``[lo, hi)`` and documented as present. Words of ``others`` - the other diagnoses of
    the statement - that stand in another item of a comma list do not refine this one
    ("Chronic otitis media with effusion, ..., and recurrent acute otitis media": the
    effusion is the first item's)."""
    doc = ctx.doc
    for ri, ref in enumerate(concept.refine):
        for m in ref.phrases.find_all(doc.tokens.norms, lo, hi):
            if others and any(
                a <= m.start
                and m.end <= b
                and _same_disease_in_another_item(doc, (a, b), others[0])
                for a, b in others[1:]
            ):
                continue
            s, e = doc.tokens.starts[m.start], doc.tokens.ends[m.end - 1]
            status = assertion_of(doc, s, e).status
            if ref.denied:
                if status == "negated":
                    return ri, m.start, m.end
            elif status in ("present", "historical", "aborted"):
                return ri, m.start, m.end  # aborted: a failed procedure's words (see _status)
    return None


def _same_disease_in_another_item(
    doc: Document, owner: tuple[int, int], mine: tuple[int, int]
) -> bool:
    """Is another diagnosis ``owner`` (holding a refinement word) a separate item of a comma
    list that names this diagnosis's head word again ("chronic otitis media with effusion,
    ..., and recurrent otitis media")? A refining diagnosis of its own ("Anxiety,
    depression"; "Bronchiolitis, RSV") still refines."""
    t = doc.tokens
    if t.norms[mine[1] - 1] not in t.norms[owner[0] : owner[1]]:
        return False  # the other item does not name this diagnosis's head word
    first, second = (owner, mine) if owner[0] < mine[0] else (mine, owner)
    if first[1] > second[0]:
        return False
    gap = doc.text[t.ends[first[1] - 1] : t.starts[second[0]]]
    return "," in gap or ";" in gap


_PART_SIDE_WINDOW = 3  # tokens: "left angle", "right mandibular body", "angle on the left"


def _part_codes(
    ctx: NoteContext,
    concept: Concept,
    st: Statement,
    match: tuple[int, int],
    mentions: list[tuple[int, int]],
    consumed: set[int],
    until: int,
) -> list[str]:
    """The codes of every part a ``parts`` concept's statement names, in the order written,
    each with the side written next to it ("open left angle and open symphysis fracture").
    A part word inside another diagnosis is that one's ("lung" of "lung cancer metastatic to
    the brain") and a part after the next diagnosis is not this one's (``until``: its start);
    the part words are not coded again on their own."""
    doc = ctx.doc
    t = doc.tokens
    hits: list[tuple[int, int, int]] = []  # (token start, token end, refinement)
    for ri, ref in enumerate(concept.refine):
        if ref.code == NOT_CODED or ref.denied:
            continue
        for m in ref.phrases.find_all(t.norms, st.tok_lo, st.tok_hi):
            if t.starts[m.start] >= until or any(
                (a, b) not in (match, (m.start, m.end)) and a <= m.start and m.end <= b
                for a, b in mentions
            ):
                continue
            s, e = t.starts[m.start], t.ends[m.end - 1]
            if assertion_of(doc, s, e).status in ("present", "historical"):
                hits.append((m.start, m.end, ri))
    out: list[str] = []
    taken: set[int] = set()
    site_of: dict[tuple[int, int, int], tuple[int, int]] = {}
    if concept.parts_by_site:
        # one code per site: the refinements naming the same site words (the bare site, or
        # the site with a degree before or after it) are variants of one part, the first
        # written in the concept wins (the highest degree of a burn)
        spans = {(a, b) for a, b, _ in hits}
        bare = [
            x for x in spans if not any(y != x and x[0] <= y[0] and y[1] <= x[1] for y in spans)
        ]
        best: dict[tuple[int, int], tuple[int, int, int]] = {}
        for h in hits:
            # the bare site words at either end of this hit ("second degree ... forearm",
            # "forearm ... second degree")
            ends = [
                x for x in bare if h[0] <= x[0] and x[1] <= h[1] and (x[0] == h[0] or x[1] == h[1])
            ]
            site = min(ends, key=lambda x: x[1] - x[0]) if ends else (h[0], h[1])
            site_of[h] = site
            if site not in best or h[2] < best[site][2]:
                best[site] = h
        hits = [h for h in hits if best[site_of[h]] == h]
    for lo, hi, ri in sorted(hits):
        if ri in taken or (
            not concept.parts_by_site
            and any(a <= lo < b for a, b, r in hits if r != ri and b - a > hi - lo)
        ):
            continue  # one code per part; a part word inside a longer part's words is not one
        taken.add(ri)
        consumed.update(i for i in range(lo, hi) if not match[0] <= i < match[1])
        ref = concept.refine[ri]
        # the side is written next to the part's own words (a burn's site, not its degree)
        slo, shi = site_of.get((lo, hi, ri), (lo, hi))
        before = sides(doc, t.starts[max(st.tok_lo, slo - _PART_SIDE_WINDOW)], t.starts[slo])
        after = sides(doc, t.ends[shi - 1], t.ends[min(st.tok_hi, shi + _PART_SIDE_WINDOW) - 1])
        side = before[-1].side if before else after[0].side if after else None
        if side is None and ref.sides:
            # "Right index finger and middle fingers": the one side of the statement
            side = _statement_side(doc, st)
        codes = [ref.sides.get(side or "") or ref.code]
        if (
            concept.parts_by_site
            and side == "bilateral"
            and "bilateral" not in ref.sides
            and {"right", "left"} <= ref.sides.keys()
        ):
            codes = [ref.sides["right"], ref.sides["left"]]  # no bilateral code: both sides
        for code in codes:
            if code and code not in out:
                out.append(code)
    return out


_SECONDARY_CANCER: Final = ("C77", "C78", "C79")


def _parts_elsewhere(
    ctx: NoteContext, concept: Concept, concept_id: int, st: Statement
) -> list[str]:
    """The sites the other present mentions of a ``parts`` diagnosis name, each read from
    its clause to the end of its sentence (the words before it up to a list break: "bone
    and liver metastases"), in the order the note tells them."""
    doc = ctx.doc

    def told(si: int, lo: int, hi: int) -> list[tuple[Hashable, str]]:
        sent = doc.sentences[si]
        a, _ = _clause(doc, sent.tok_lo, sent.tok_hi, lo, hi)
        part = Statement(doc.tokens.starts[a], sent.end, a, sent.tok_hi, sent.section_kind, si, 0)
        # (a part word inside another diagnosis is that one's - but not inside the same
        # metastases told whole: "metastases to the liver")
        others = [
            (m.start, m.end)
            for m in ctx.concepts.find_all(doc.tokens.norms, a, sent.tok_hi)
            if (m.start, m.end) != (lo, hi)
            and not ctx.concepts.concepts[m.payload].code.startswith(_SECONDARY_CANCER)
        ]
        codes = _part_codes(ctx, concept, part, (lo, hi), others, set(), sent.end)
        return [(code, code) for code in dict.fromkeys(codes)]

    # (the story a HISTORY section tells is the same disease, as for a side)
    return _first_told_elsewhere(ctx, concept_id, st, _SIDE_KINDS, "parts", told)


def _note_refinement(
    ctx: NoteContext, concept: Concept, concept_id: int
) -> tuple[int, int, int] | None:
    """The first refinement of ``concept`` the note-wide sentences tell, once per note (the
    same for every statement of the diagnosis)."""
    memo_key = f"icd10.note_refinement.{concept_id}"
    cached = ctx.doc.memo.get(memo_key)
    if cached is not None and cached[0] is ctx.note_sentences:
        found: tuple[int, int, int] | None = cached[1]
        return found
    found = None
    for si in ctx.note_sentences:
        sent = ctx.doc.sentences[si]
        hit = _first_refinement(ctx, concept, sent.tok_lo, sent.tok_hi)
        if hit is not None and concept.refine[hit[0]].code != NOT_CODED:
            found = hit
            break
    # (kept with the sentence list it was read from: another note kind reads other ones)
    ctx.doc.memo[memo_key] = (ctx.note_sentences, found)
    return found


def _code_concept(
    ctx: NoteContext,
    st: Statement,
    concept: Concept,
    concept_id: int,
    m_lo: int,
    m_hi: int,
    region: tuple[int, int],
    consumed: set[int],
    mentions: list[tuple[int, int]],
) -> Found:
    doc = ctx.doc
    t = doc.tokens
    start, end = t.starts[m_lo], t.ends[m_hi - 1]
    found = Found(concept.code, start, end, st, "index", concept.name, status=concept.status)
    code, side_map = concept.code, concept.sides
    others = [(m_lo, m_hi)] + [x for x in mentions if x != (m_lo, m_hi)]
    hit = _first_refinement(ctx, concept, st.tok_lo, st.tok_hi, others) if concept.refine else None
    if hit is not None and concept.parts:
        parts = _part_codes(ctx, concept, st, (m_lo, m_hi), mentions, consumed, region[1])
        if parts:
            found.code, found.more, found.distinct = parts[0], parts[1:], len(parts) > 1
            found.notes.append("each part named, with its side")
            return found
        if any(
            (a, b) != (m_lo, m_hi) and a <= hit[1] and hit[2] <= b for a, b in mentions
        ) and not (concept.refine[hit[0]].code == NOT_CODED or concept.refine[hit[0]].denied):
            # the part word belongs to another diagnosis: "lung" of "metastatic lung
            # cancer" names the primary (Index: Metastasis, from specified site - see
            # Neoplasm, malignant, by site), not a secondary site
            hit = None
    if hit is None and concept.parts and concept.code.startswith(_SECONDARY_CANCER):
        # "Metastatic renal cell carcinoma" with "metastases to the lung and to bone" told
        # in the history: the secondary sites the note gives the same metastases
        parts = _parts_elsewhere(ctx, concept, concept_id, st)
        if parts:
            found.code, found.more, found.distinct = parts[0], parts[1:], len(parts) > 1
            found.notes.append("each site of the metastases where the note tells them")
            found.penalty += 0.05
            return found
    if hit is not None:
        ref = concept.refine[hit[0]]
        if ref.code == NOT_CODED:
            found.code = NOT_CODED
            return found
        if not ref.keep:
            # the refining words are not coded again, nor is a diagnosis they name whole
            # ("GERD with esophagitis"); a diagnosis they only touch ("colon" of "colon
            # polyps" refining "diverticulosis") stays
            for i in range(hit[1], hit[2]):
                if m_lo <= i < m_hi:
                    continue
                owner = next(((a, b) for a, b in mentions if a <= i < b), None)
                if owner is None or (hit[1] <= owner[0] and owner[1] <= hit[2]):
                    consumed.add(i)
        code = ref.code or code
        side_map = ref.sides or side_map
        found.notes.append(f"refined by '{doc.text[t.starts[hit[1]] : t.ends[hit[2] - 1]]}'")
    elif concept.refine and concept.refine_in == "note":
        # where the note tells the same diagnosis again first ("diverticulosis coli of the
        # sigmoid" in the findings), then the first site word anywhere (not the "small
        # bowel" of a hernia told before it)
        hit = None if concept.parts else _refinement_elsewhere(ctx, concept, concept_id, st)
        where = "where the note tells the same diagnosis again"
        if hit is None:
            where = "elsewhere in the note"
            hit = _note_refinement(ctx, concept, concept_id)
        if hit is not None:
            ref = concept.refine[hit[0]]
            code = ref.code or code
            side_map = ref.sides or side_map
            found.notes.append(
                f"refined by '{doc.text[t.starts[hit[1]] : t.ends[hit[2] - 1]]}' {where}"
            )
            found.penalty += 0.05
    elif concept.refine and not concept.parts:
        # the same diagnosis told elsewhere with its detail (the findings of the procedure,
        # the history): the diagnosis list is coded "with the body of the note for
        # specificity" (guideline IV.C-D; the postoperative diagnosis read with the report)
        hit = _refinement_elsewhere(ctx, concept, concept_id, st)
        where = "where the note tells the same diagnosis again"
        if hit is None and st.section_kind == "impression" and ctx.study_title:
            # a report's finding without its site takes the site of the study, when the
            # title names one ("MRI of the left knee"; not "MRI orbit/face/neck")
            where = "from the study's title"
            hit = _only_refinement_in(ctx, concept, ctx.study_title)
        if hit is not None:
            ref = concept.refine[hit[0]]
            code = ref.code or code
            side_map = ref.sides or side_map
            found.notes.append(
                f"refined by '{doc.text[t.starts[hit[1]] : t.ends[hit[2] - 1]]}' {where}"
            )
            found.penalty += 0.05
    if concept.spine:
        levels = spine_levels(doc, st.start, st.end)
        space, region_name = spine_key(levels)
        listed_regions: list[str] = []
        if region_name is None:
            # the region word nearest the diagnosis ("lumbosacral radiculopathy secondary to
            # lumbar spondylolysis": the spondylolysis is lumbar), one before it on a tie
            # - not a word after it that opens the next diagnosis of a list ("herniated
            # disc, lumbosacral facet arthropathy": the arthropathy is lumbosacral)
            nearest: tuple[int, str] | None = None
            for i in range(st.tok_lo, st.tok_hi):
                w = t.norms[i]
                if w in _REGION_WORDS:
                    if i >= m_hi and any(
                        m_hi <= a and (a <= i < b or (i < a and a - i <= i - m_hi + 1))
                        for a, b in mentions
                    ):
                        continue
                    gap = m_lo - i if i < m_lo else (i - m_hi + 1 if i >= m_hi else 0)
                    if nearest is None or gap < nearest[0]:
                        nearest = (gap, _REGION_WORDS[w])
            if nearest is not None:
                region_name = nearest[1]
            # "cervical and lumbar radiculopathy": the condition of each region named
            i = m_lo - 1
            while i >= st.tok_lo and (t.norms[i] in _REGION_WORDS or t.norms[i] in ("and", "or")):
                w = t.norms[i]
                if w in _REGION_WORDS and _REGION_WORDS[w] != region_name:
                    listed_regions.append(_REGION_WORDS[w])
                i -= 1
        if space is None and region_name is None and concept.refine_in == "note":
            space, region_name = spine_key(ctx.context_spine)
            if region_name:
                found.penalty += 0.05
                found.notes.append("spine level from elsewhere in the note")
        if space and region_name and not _MULTILEVEL.isdisjoint(t.norms[st.tok_lo : st.tok_hi]):
            space = None  # "multilevel degenerative disc disease": the region, not one level
        spine_code = concept.spine.get(space or "") or concept.spine.get(region_name or "")
        if spine_code:
            code = spine_code
            found.notes.append(f"spine level {space or region_name}")
            for listed in listed_regions:
                other = concept.spine.get(listed)
                if other and other != spine_code and other not in found.more:
                    found.more.append(other)
            # "disc degeneration at C3-C4 and C6-C7": a code for each interspace written
            # between the diagnoses next to it
            # (after it, else before it: "L4-5 and L5-S1 disc herniations")
            lo = max((t.ends[b - 1] for a, b in mentions if b <= m_lo), default=st.start)
            after = [lv for lv in levels if end <= lv.start < region[1]]
            near = after or [lv for lv in levels if lo <= lv.start < start]
            if not near and levels and levels[0].start >= end:
                # the levels close a list of diagnoses ("disc disease, spondylosis,
                # myelopathy at C3-C4, C4-C5 and C5-C6"): they are every item's
                near = levels
            for lv in near:
                if not _adjacent(lv):
                    continue
                sp, rg = spine_key([lv])
                other = concept.spine.get(sp or "") or concept.spine.get(rg or "")
                if other and other != spine_code and other not in found.more:
                    found.more.append(other)
        else:
            found.penalty += 0.1
            found.notes.append("spine region not documented")
    if side_map:
        # a side inside the matched words ("status post right knee replacement") first
        inner = {m.side for m in sides(doc, start, end)}
        side = inner.pop() if len(inner) == 1 else None
        if side is None:
            side = _side_near(doc, (region[0], start), (end, region[1]))
        if side is None:
            # "Abscess with cellulitis, left foot": one side for the whole statement
            side = _statement_side(doc, st)
        if side is None and ctx.context_side == "bilateral":
            # a procedure done on both sides ("bilateral tympanostomy tubes") for a disease
            # the note tells on one ("severe left drum atelectasis"): the disease's side
            one = _side_elsewhere(ctx, concept, concept_id, st)
            if one in ("right", "left"):
                side = one
                found.penalty += 0.08
                found.notes.append(f"side ({side}) where the note tells the same diagnosis")
        if (
            side is None
            and ctx.context_side
            and not _metastatic_primary(ctx, code, st)
            and not code.startswith(_TRUNK_REGION_SYMPTOMS)
        ):
            side = ctx.context_side
            found.penalty += 0.1
            found.notes.append(f"side ({side}) taken from the procedure")
        if side is None:
            side = _side_elsewhere(ctx, concept, concept_id, st)
            if side is not None:
                found.penalty += 0.08
                found.notes.append(f"side ({side}) where the note tells the same diagnosis")
        if side is None:
            side = _history_side(ctx, m_lo, m_hi, st)
            if side is not None:
                found.penalty += 0.1
                found.notes.append(f"side ({side}) from the chief complaint or history")
        if side is not None and side in side_map:
            code = side_map[side]
            found.notes.append(f"{side} side")
        elif side == "bilateral" and "right" in side_map and "left" in side_map:
            # no bilateral code: a code for each side (guideline I.B.13)
            code = side_map["right"]
            found.more.append(side_map["left"])
            found.notes.append("bilateral: right and left codes")
        elif side is None:
            found.penalty += 0.05
            found.notes.append("side not documented")
    found.code = code
    return found


_METASTATIC_WORDS: Final = frozenset({"metastatic", "metastasis", "metastases", "metastasized"})


# abdominal and pelvic pain are coded by the region of the trunk it is felt in (the lower
# left quadrant, the left side of the pelvis), not by a paired organ: an operation on one side
# (a left salpingo-oophorectomy, a right hernia repair) tells nothing of where the pain is
_TRUNK_REGION_SYMPTOMS: Final = ("R10.",)


def _metastatic_primary(ctx: NoteContext, code: str, st: Statement) -> bool:
    """A primary cancer the statement calls metastatic ('Metastatic renal cell carcinoma'):
    the operation treats a metastasis or places a line (a lung wedge, a port), so its side is
    not the primary organ's."""
    return code.startswith("C") and not _METASTATIC_WORDS.isdisjoint(
        ctx.doc.tokens.norms[st.tok_lo : st.tok_hi]
    )


_FRACTURE_TREATMENTS = frozenset(
    {
        "orif", "crpp", "reduction", "fixation", "pinning", "nail", "nailing", "rod",
        "rodding", "plating", "casting", "splinting", "im", "hemiarthroplasty", "arthroplasty",
    }
)  # fmt: skip
_REMOTE_WORDS = frozenset({"remote", "old", "healed", "decades"})


def _treated_fracture(ctx: NoteContext, st: Statement, code: str, start: int, end: int) -> bool:
    """A fracture said 'status post' with its reduction, fixation or replacement ("s/p ORIF
    of a right distal radius fracture", "status post hip fracture and hemiarthroplasty") in
    a visit or report, not long ago ("12 years ago", "in 2009",
    "remote"): the fracture is still being followed while it heals."""
    if not ctx.fracture_followup or code[:1] != "S" or code[2:3] != "2":
        return False  # fractures are the categories S02, S12 ... S92
    norms = ctx.doc.tokens.norms
    cue = assertion_of(ctx.doc, start, end).cue_text.lower().replace("/", " ").split()
    if cue not in (["status", "post"], ["s", "p"]):
        return False
    if not any(w in _FRACTURE_TREATMENTS for w in norms[st.tok_lo : st.tok_hi]):
        return False
    return not remote_in(ctx.doc, st.tok_lo, st.tok_hi)


_AGE_UNITS = frozenset({"year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day"})


def remote_in(doc: Document, lo: int, hi: int) -> bool:
    """Tokens ``[lo, hi)`` date an event long past ("12 years ago", "in 2009", "remote",
    "old", but not "a 30-year-old man"): the healing of a fracture treated then is over."""
    norms = doc.tokens.norms
    for i in range(lo, hi):
        w = norms[i]
        if w in _REMOTE_WORDS and not (w == "old" and i > lo and norms[i - 1] in _AGE_UNITS):
            return True
        if w in ("year", "years") and i + 1 < hi and norms[i + 1] == "ago":
            return True
        if len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2100:
            return True
    return False


def _also(f: Found, concept: Concept) -> list[Found]:
    """The codes always reported with a concept ("chronic back pain": M54.9 and G89.29)."""
    return [
        Found(
            code,
            f.start,
            f.end,
            f.statement,
            "index",
            f.name,
            notes=[f"reported with {f.code}"],
            penalty=f.penalty,
        )
        for code in concept.also
    ]


def _segments(
    doc: Document, lo: int, hi: int, covered: set[int], joins: tuple[str, ...] = ("and", "plus")
) -> list[tuple[int, int]]:
    """Runs of uncovered tokens in ``[lo, hi)``, split at list breaks (commas, ``joins``)."""
    out: list[tuple[int, int]] = []
    t = doc.tokens
    run_lo = None
    for i in range(lo, hi + 1):
        brk = i == hi or i in covered
        if not brk and run_lo is not None and i > run_lo:
            gap = doc.text[t.ends[i - 1] : t.starts[i]]
            if any(c in gap for c in ",;/()") or t.norms[i] in joins:
                out.append((run_lo, i))
                run_lo = None
                if t.norms[i] in joins:
                    continue
        if brk:
            if run_lo is not None and i > run_lo:
                out.append((run_lo, i))
            run_lo = None
            continue
        if run_lo is None:
            run_lo = i
    return out


_TAIL_SIDES: Final = frozenset({"right", "left", "bilateral", "rt", "lt"})


def _side_tails_joined(
    ctx: NoteContext, segs: list[tuple[int, int]], covered: set[int]
) -> list[tuple[int, int]]:
    """A segment that is only a side and a paired part after a comma ("Hemarthrosis, left
    knee", "Lipoma, right thigh") tells where the condition before it is: one diagnosis, read
    together, not a bare condition beside a bare part. Not when the condition's own phrase was
    read already ("Bunion deformity, right foot": the leftover "deformity" is no diagnosis),
    nor when the tabular titles do not know a word of it (an eponym: "Bankart lesion")."""
    out: list[tuple[int, int]] = []
    doc = ctx.doc
    t = doc.tokens
    for lo, hi in segs:
        if out and t.norms[lo] in _TAIL_SIDES and hi - lo <= 4:
            plo, phi = out[-1]
            gap = doc.text[t.ends[phi - 1] : t.starts[lo]]
            parts = paired_sites(doc, t.starts[lo], t.ends[hi - 1])
            rest = [i for i in range(lo + 1, hi) if t.norms[i] not in ("the", "of")]
            if (
                phi == lo
                and gap.strip() == ","
                and t.norms[plo] not in _TAIL_SIDES
                and plo - 1 not in covered
                and all(ctx.tabular.knows(w) for w in _words(ctx, plo, phi)[0])
                and len(parts) == 1
                and all(parts[0].token_start <= i < parts[0].token_end for i in rest)
            ):
                out[-1] = (plo, hi)
                continue
        out.append((lo, hi))
    return out


_DENY_WORDS: Final = frozenset({"without", "no", "wo"})
_DENY_ENDS: Final = frozenset({"with", "but", "plus"})


def _words(ctx: NoteContext, lo: int, hi: int) -> tuple[list[str], str | None]:
    norms = ctx.doc.tokens.norms
    words: list[str] = []
    side: str | None = None
    denied = False
    for w in norms[lo:hi]:
        # "stone without hydronephrosis": what the statement denies is not part of the
        # condition's title, so it must not count against it (a title that names it as
        # required still fails to match, one that excludes it now fits)
        if w in _DENY_WORDS:
            denied = True
            continue
        if denied:
            if w not in _DENY_ENDS:
                continue
            denied = False
        if w in ("right", "rt"):
            side = "bilateral" if side and side != "right" else "right"
            continue
        if w in ("left", "lt"):
            side = "bilateral" if side and side != "left" else "left"
            continue
        if w in ("bilateral", "bilaterally", "both"):
            side = "bilateral"
            continue
        if w.isdigit():
            continue
        words.extend(ctx.lex.words(w))
    return words, side


def _tabular(ctx: NoteContext, st: Statement, lo: int, hi: int) -> Found | None:
    doc = ctx.doc
    words, side = _words(ctx, lo, hi)
    if side is None:
        side = _side_near(doc, (st.start, doc.tokens.starts[lo]), (doc.tokens.ends[hi - 1], st.end))
    if side is None:
        side = _statement_side(doc, st)
    content = [w for w in words if w not in ctx.lex.soft]
    if not content or len(set(content)) > MAX_TABULAR_WORDS:
        return None  # nothing said, or a narrative sentence rather than a diagnosis
    if not any(ctx.tabular.knows(w) for w in content):
        return None
    cands = ctx.tabular.match(words, side, soft=ctx.lex.soft)
    if not cands:
        return None
    best: Candidate = cands[0]
    notes: list[str] = []
    penalty = 0.0
    if side is None and best.side == "unspec" and ctx.context_side:
        sided = ctx.tabular.match(words, ctx.context_side, soft=ctx.lex.soft)
        if (
            sided
            and sided[0].side == ctx.context_side
            and not sided[0].code.startswith(_TRUNK_REGION_SYMPTOMS)
        ):
            best = sided[0]
            penalty += 0.1
            notes.append(f"side ({ctx.context_side}) taken from the procedure")
    if side is None and best.side == "unspec" and ctx.sides_from_history:
        told = _history_side(ctx, lo, hi, st)
        sided = ctx.tabular.match(words, told, soft=ctx.lex.soft) if told else []
        if sided and sided[0].side == told:
            best = sided[0]
            penalty += 0.1
            notes.append(f"side ({told}) from the chief complaint or history")
    if best.score < ACCEPT_SCORE or best.recall < ACCEPT_RECALL:
        return None
    if (
        best.generic
        and not _CONDITION_WORDS & set(doc.tokens.norms[lo:hi])
        and not any(w.endswith(_CONDITION_SUFFIXES) for w in best.words)
    ):
        return None  # "aortic valve" is a site, not "aortic valve disorder"
    if len(best.words) < 2 and max(ctx.tabular.weight(w) for w in best.words) < SINGLE_WORD_WEIGHT:
        return None  # one common word ("bladder", "lung") is not a diagnosis
    if best.code.startswith(_FAMILY_HISTORY) and best.words <= _FAMILY_WORDS:
        return None  # "family histories are unremarkable": the words name no condition
    if best.code.startswith(_EYE_CHAPTER) and not any(
        w.startswith(_EYE_STEMS) or w in _EYE_WORDS for w in doc.tokens.norms[st.tok_lo : st.tok_hi]
    ):
        return None  # an eye code for words that say nothing of the eye
    if best.code.startswith("Q") and any(
        w.endswith(_OPERATION_SUFFIXES) for w in doc.tokens.norms[st.tok_lo : st.tok_hi]
    ):
        return None  # a surgically made anatomy, not a congenital malformation
    # the words the title matched carry the assertion ("probable cancer", "no gradient")
    toks = [i for i in range(lo, hi) if set(ctx.lex.words(doc.tokens.norms[i])) & best.words]
    if toks:
        a_lo, a_hi = doc.tokens.starts[toks[0]], doc.tokens.ends[toks[-1]]
        if _status(ctx, a_lo, a_hi) != "present":
            return None
    if len(cands) > 1 and cands[1].code != best.code and cands[1].score >= best.score - 0.02:
        penalty += 0.1
        notes.append(f"close alternative {cands[1].code}")
    code = best.code
    if best.needs_7th:
        code = _with_seventh(code, ctx.seventh)
    start, end = doc.tokens.starts[lo], doc.tokens.ends[hi - 1]
    return Found(
        code,
        start,
        end,
        st,
        "tabular",
        doc.text[start:end],
        score=best.score,
        notes=notes,
        penalty=penalty,
    )


def _with_seventh(code: str, char: str) -> str:
    plain = code.replace(".", "")
    plain = plain + "X" * (6 - len(plain)) + char
    return f"{plain[:3]}.{plain[3:]}"


# the device or graft a patient is referred to receive ("referred for AICD implantation",
# "referred for pacemaker placement"): the service planned, not a condition or status
_PLACEMENT_NEXT: Final = re.compile(
    r"[\s-]*(implant\w*|placement|insertion|transplant\w*)\b", re.IGNORECASE
)


def _status(ctx: NoteContext, start: int, end: int) -> str:
    """Assertion status; a 'HISTORY:' section of a report is the reason for the study."""
    found = assertion_of(ctx.doc, start, end)
    if found.status == "historical" and found.cue is None and ctx.history_is_indication:
        return "present"
    if found.status == "hypothetical" and found.cue is None and ctx.problem_heads:
        sent = ctx.doc.sentence_at(start)
        if sent is not None and sent.index in ctx.problem_heads:
            return "present"
    if found.status == "hypothetical" and found.cue_text.lower().startswith("refer"):
        # "referred for colonoscopy because of heme-positive stools": the planned service is
        # hypothetical, the reason for it is not; a preoperative diagnosis told as a story
        # ("she was referred for a screening colonoscopy") is the indication
        sent = ctx.doc.sentence_at(start)
        placed = _PLACEMENT_NEXT.match(ctx.doc.text, end)
        if (
            sent is not None
            and sent.section_kind in ("indications", "chief_complaint", "hpi", "preop_dx")
            and placed is None
        ):
            return "present"
    if found.status == "aborted":
        # "unsuccessful cardioversion with permanent atrial fibrillation": what failed is the
        # procedure; a condition is not undone by it
        return "present"
    return found.status


# An uncertainty word the cue lists do not place: "Depression, possibly." (the word ends the
# statement after the diagnosis), "questionably right coronary spasm" (an adverb before it).
_TRAILING_DOUBT = frozenset({"possibly", "probably", "questionable"})
_LEADING_DOUBT = frozenset({"questionably", "presumably"})


def _doubted(doc: Document, st: Statement, lo: int, hi: int) -> bool:
    """Is the diagnosis at tokens ``[lo, hi)`` made uncertain by a lone qualifier?"""
    norms = doc.tokens.norms
    if any(w in _LEADING_DOUBT for w in norms[max(st.tok_lo, lo - 3) : lo + 1]):
        return True
    if _question_marked(doc, st, lo, hi):
        return True
    return hi == st.tok_hi - 1 and norms[hi] in _TRAILING_DOUBT


_LIST_BREAKS = frozenset(",;:.")


def _doubt_inside(doc: Document, st: Statement, lo: int, hi: int) -> bool:
    """Does a doubt begin inside the phrase at tokens ``[lo, hi)`` - an uncertainty cue
    ("choledocholithiasis, possible cholecystitis") or a question mark before one of its
    later words ("choledocholithiasis, ? cholecystitis")? A phrase that spans two items of
    which only the later is doubted does not combine them."""
    if hi - lo < 2:
        return False
    t = doc.tokens
    for c in doc.cues(st.sentence_index):
        if not (lo < c.start < hi and c.direction == "before"):
            continue
        if c.status == "uncertain":
            return True
        if c.status == "historical" and "," in doc.text[t.ends[lo] : t.starts[c.start]]:
            # "Carotid stenosis, status post carotid endarterectomy": a past clause after a
            # comma is an item of its own; the stenosis is read from its own words
            return True
    return any("?" in doc.text[t.ends[i - 1] : t.starts[i]] for i in range(lo + 1, hi))


# A test for an infection, a metastasis or a carrier state told negative after the name of
# what it looks for ("HIV 1 titer was negative", "HSV, CMV and AFB cultures were negative",
# "hepatitis C and HIV, both of which were negative"): the condition is denied. A few words may
# lie between (the test's name); a comma only before "which" / "both of which", so that
# "Sepsis, blood cultures were negative" keeps the sepsis.
_NEGATIVE_GAP = 3
_NEGATIVE_GAP_STOPS = frozenset(
    {"but", "however", "although", "though", "except", "while", "whereas", "yet", "with"}
)
_NEGATIVE_LIST_OPENERS = frozenset({"which", "that", "both", "all", "each", "either", "neither"})


def _told_negative(doc: Document, st: Statement, code: str, hi: int) -> bool:
    """Is the condition (``code``) ending at token ``hi`` a test result told negative?"""
    rules = guidelines()
    if not rules.is_tested_for(code):
        return False
    t = doc.tokens
    for c in rules.negative_cues.find_all(t.norms, hi, min(st.tok_hi, hi + _NEGATIVE_GAP + 6)):
        gap = c.start - hi
        if gap > _NEGATIVE_GAP or (c.end - c.start == 1 and gap > 0):
            continue
        if not _NEGATIVE_GAP_STOPS.isdisjoint(t.norms[hi : c.start]):
            continue
        between = doc.text[t.ends[hi - 1] : t.starts[c.start]]
        if ";" in between or ("," in between and t.norms[c.start] not in _NEGATIVE_LIST_OPENERS):
            continue
        return True
    return False


def _past_clause_after(doc: Document, st: Statement, hi: int) -> int | None:
    """Where a past clause set off by a comma begins after the diagnosis ending at token
    ``hi`` ("Carotid stenosis, status post right endarterectomy"): its words tell the
    earlier operation, not the diagnosis' side."""
    t = doc.tokens
    for c in doc.cues(st.sentence_index):
        if (
            hi <= c.start < st.tok_hi
            and c.status == "historical"
            and c.direction == "before"
            and "," in doc.text[t.ends[hi - 1] : t.starts[c.start]]
        ):
            return int(t.starts[c.start])
    return None


def _question_marked(doc: Document, st: Statement, lo: int, hi: int) -> bool:
    """A question mark written before the diagnosis ("? cholecystitis", "IMPRESSION:
    ?Acute appendicitis", within three words, same line, no list break) or right after it
    ("Gout?"): the writer doubts it. The tokenizer keeps no "?", so the text is read; a "?"
    closing a question ("Any pain? Gout.") is not one before the diagnosis."""
    t = doc.tokens
    text = doc.text
    begin = t.starts[max(0, lo - 3)]
    before = text[begin : t.starts[lo]]
    q = before.rfind("?")
    if q >= 0:
        lead = text[begin + q - 1] if begin + q > 0 else " "
        if not lead.isalnum() and not (_LIST_BREAKS | {"\n"}) & set(before[q + 1 :]):
            return True
    after = text[t.ends[hi - 1] : min(len(text), t.ends[hi - 1] + 3)]
    return after.lstrip(" )").startswith("?")


# A long sentence of a visit's assessment or a report's history tells a story (what was done,
# what was discussed, what might happen); only its curated diagnoses are read, its leftover
# words are not matched against the tabular titles ("missed appointments due to illness" is no
# R69, "serial blood pressure examinations" no Z01.30). A diagnosis list item of an operative
# note is read in full however long. Measured on the labelled sets: tabular codes from longer
# statements of these sections were almost never in the gold (16 of 17 wrong).
_TABULAR_MAX_TOKENS = {"assessment": 12}
_TABULAR_MAX_TOKENS_DEFAULT = 20
_TABULAR_ANY_LENGTH = frozenset({"postop_dx", "preop_dx"})


def _too_long_for_titles(st: Statement) -> bool:
    if st.section_kind in _TABULAR_ANY_LENGTH:
        return False
    limit = _TABULAR_MAX_TOKENS.get(st.section_kind, _TABULAR_MAX_TOKENS_DEFAULT)
    return st.tok_hi - st.tok_lo > limit


# lymphoma (C81-C88, 5th character A) and myeloma/leukemia (C90-C95, 5th character 1) in
# remission
_REMISSION = re.compile(r"^C(8[1-8]\.[0-9A-Z]A|9[0-5]\.[0-9Z]1)$")
_MULTILEVEL = frozenset({"multilevel", "multilevels", "multiple", "several"})
_PAIN_NOS = "R52"
_BARE_PAIN_TOKENS = 3  # "Pain.", "Severe pain." - not "headache, shoulder and rib pain"
# body regions a study title names with the noun where the pain is said with the adjective
_SITE_ADJECTIVE = {"abdomen": "abdominal", "pelvis": "pelvic"}


def _site_of_the_study(ctx: NoteContext, coded: Found) -> None:
    """A bare "Pain." as the reason for a study of one body site is the pain of that site,
    on the side the study names ("EXAM: MRI of the right ankle. CLINICAL: Pain." is M25.571):
    the reason for a study is read with its title."""
    if ctx.exam_site_pain is None:
        return
    concept = ctx.concepts.concepts[ctx.exam_site_pain]
    side = ctx.context_side
    code, side_map = concept.code, concept.sides
    # a limb's pain is refined by the part the title names ("Ultrasound of the left lower
    # extremity. REASON: Pain." is pain in the left leg, M79.605, not a limb unspecified)
    hit = _only_refinement_in(ctx, concept, ctx.study_title) if concept.refine else None
    if hit is not None:
        ref = concept.refine[hit[0]]
        code, side_map = ref.code or code, ref.sides or side_map
    coded.code = side_map.get(side, code) if side else code
    coded.notes.append(f"site{' and side' if side in side_map else ''} from the exam title")
    coded.penalty += 0.04


def exam_site_pain(concepts: ConceptIndex, title_words: list[list[str]]) -> int | None:
    """The one curated "<site> pain" concept the words of a study's title name ("knee" in
    "Five views of the right knee" reads as "knee pain"); None when the title names no site
    or several ("CT of the chest, abdomen and pelvis")."""
    found: set[int] = set()
    for words in title_words:
        for w in words:
            for m in concepts.phrases.find_all([_SITE_ADJECTIVE.get(w, w), "pain"], 0, 2):
                if m.start == 0 and m.end == 2:
                    found.add(m.payload)
    codes = {concepts.concepts[k].code for k in found}
    return found.pop() if len(found) == 1 or (found and len(codes) == 1) else None


def read_statement(
    ctx: NoteContext, st: Statement, *, tabular: bool = True
) -> tuple[list[Found], list[str]]:
    """The diagnoses of one statement, and the names of those set aside as uncertain.
    ``tabular=False`` reads only the curated phrases (for scans of the narrative).

    A statement is read once per note and state of the context (the E/M leveler reads the
    statements the diagnosis coder reads); callers get their own copies (they adjust notes
    and penalties), pointing at their own ``st``."""
    memo: dict[_ReadKey, list[_Read]] | None = ctx.doc.memo.get("icd10.read")
    if memo is None:
        memo = ctx.doc.memo["icd10.read"] = {}
    key = (st.start, st.end, st.tok_lo, st.tok_hi, st.section_kind, st.sentence_index, tabular)
    # the context's values, held (so compared by identity); the note itself is left out, so
    # that the note's memo holds no reference back to it
    state = tuple(v for name, v in vars(ctx).items() if name != "doc")
    done = memo.setdefault(key, [])
    for seen, found, uncertain in done:
        if len(seen) == len(state) and all(a is b for a, b in zip(seen, state, strict=True)):
            return [_copy(f, st) for f in found], list(uncertain)
    found, uncertain = _read_statement(ctx, st, tabular=tabular)
    done.append((state, [_copy(f, st) for f in found], list(uncertain)))
    return found, uncertain


_ReadKey = tuple[int, int, int, int, str, int, bool]
_Read = tuple[tuple[Any, ...], list[Found], list[str]]


def _copy(f: Found, st: Statement) -> Found:
    # what dataclasses.replace makes, without its field-by-field introspection (a copy is
    # made of every diagnosis each time a statement is read)
    copied = object.__new__(Found)
    copied.__dict__.update(f.__dict__)
    copied.statement = st
    copied.notes = list(f.notes)
    copied.more = list(f.more)
    return copied


def _read_statement(
    ctx: NoteContext, st: Statement, *, tabular: bool = True
) -> tuple[list[Found], list[str]]:
    doc = ctx.doc
    t = doc.tokens
    matches = ctx.concepts.find_all(t.norms, st.tok_lo, st.tok_hi)
    # a gap phrase ("spondylosis ~4 myelopathy") must not reach across a negation:
    # "spondylosis without myelopathy" is spondylosis alone
    matches = [m for m in matches if _NEGATORS.isdisjoint(t.norms[m.start + 1 : m.end])]
    # nor across a doubt: "Choledocholithiasis, ? cholecystitis" is the stones alone
    matches = [m for m in matches if not _doubt_inside(doc, st, m.start, m.end)]
    # "risks including bleeding, infection, DVT", "DVT prophylaxis": not diagnoses
    not_dx = guidelines().not_diagnoses
    if not_dx is not None:
        matches = [
            m
            for m in matches
            if ctx.concepts.concepts[m.payload].code.startswith("Z")
            or not not_dx.excluded(t.norms, st.tok_lo, st.tok_hi, m.start, m.end)
        ]
    matches.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: set[int] = set()
    kept = []
    for m in matches:
        span = range(m.start, m.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    found: list[Found] = []
    uncertain: list[str] = []
    consumed: set[int] = set()
    # "Rule out reflux esophagitis, enteritis, and ulcer disease": a statement that opens with
    # an uncertainty cue is uncertain as a whole (the cue reaches across the list)
    # - unless the writer repeats the qualifier ("possible ischemic cecum with possible
    # metastatic disease, hydronephrosis, atrial fibrillation"): then each cue is its own
    cues_here = [
        c
        for c in doc.cues(st.sentence_index)
        if st.tok_lo <= c.start < st.tok_hi and c.status == "uncertain"
    ]
    # ("Diarrhea, possible irritable bowel": the cue follows the first diagnosis, so it
    # reaches only what comes after it)
    first = kept[0].start if kept else st.tok_hi
    # (a qualifier repeated is one before another item; a doubt told after an item - "...
    # pneumonitis suggested", "... is suspected" - reaches back to that item only)
    opens_uncertain = len({c.start for c in cues_here if c.direction != "after"}) == 1 and any(
        c.direction == "before" and c.start <= st.tok_lo + 1 and c.start < first for c in cues_here
    )
    covered: set[int] = set(taken)
    # longest first, so that a combination phrase's refinement words are consumed first
    order = sorted(range(len(kept)), key=lambda k: -(kept[k].end - kept[k].start))
    results: dict[int, Found] = {}
    past_codes: set[int] = set()
    for k in order:
        m = kept[k]
        if any(i in consumed for i in range(m.start, m.end)):
            continue
        concept = ctx.concepts.concepts[m.payload]
        s, e = t.starts[m.start], t.ends[m.end - 1]
        status = _status(ctx, s, e)
        if status == "present" and (opens_uncertain or _doubted(doc, st, m.start, m.end)):
            status = "uncertain"
        if status == "uncertain":
            uncertain.append(doc.text[s:e])
            continue
        if status == "present" and _told_negative(doc, st, concept.code, m.end):
            continue
        if status == "family" and concept.code.startswith(_FAMILY_HISTORY):
            status = "present"  # "sister with breast cancer" is what Z80.3 says
        past = status == "historical" and not concept.status
        if status != "present" and not (status == "historical" and concept.status) and not past:
            continue
        prev_end = st.start  # the side may precede another word of the diagnosis
        next_start = t.starts[kept[k + 1].start] if k + 1 < len(kept) else st.end
        past_clause = _past_clause_after(doc, st, m.end)
        if past_clause is not None:
            next_start = min(next_start, past_clause)  # its side is the past operation's
        coded = _code_concept(
            ctx,
            st,
            concept,
            m.payload,
            m.start,
            m.end,
            (prev_end, next_start),
            consumed,
            [(x.start, x.end) for x in kept],
        )
        if coded.code == NOT_CODED:
            continue
        if (
            coded.code == _PAIN_NOS
            and ctx.exam_site_pain is not None
            and st.section_kind in _REASON_KINDS
            and st.tok_hi - st.tok_lo <= _BARE_PAIN_TOKENS
        ):
            _site_of_the_study(ctx, coded)
        if past and _treated_fracture(ctx, st, coded.code, s, e):
            # "status post ORIF of a left ankle fracture" at a follow-up: the fracture, in its
            # healing phase (subsequent encounter, guideline I.C.19.a; no aftercare Z code)
            past = False
            coded.episode = "D"
            coded.notes.append("fracture treated earlier, followed up while it heals")
        if (
            past
            and coded.code.startswith("C44")
            and st.section_kind in _DIAGNOSIS_KINDS
            and "mohs" in t.norms[st.tok_lo : st.tok_hi]
        ):
            # "status post Mohs excision of a basal cell carcinoma" as the diagnosis of the
            # defect's repair: the cancer is still under treatment (the reconstruction
            # completes its excision), so the cancer is coded, not its personal history
            past = False
            coded.notes.append("skin cancer repaired after its Mohs excision: still treated")
        if past and _REMISSION.match(coded.code):
            # "history of lymphoma in remission": the malignancy in remission, not a personal
            # history code (the remission codes say the disease is still the patient's)
            past = False
            coded.notes.append("told as history, in remission: the remission code")
        if past:
            # "history of breast cancer": the personal-history code, if the past
            # condition has one (guideline I.C.21.c.4); otherwise nothing - unless the
            # condition is chronic and the statement is a diagnosis ("History of
            # hypertension." in an assessment is hypertension now)
            history = guidelines().history_code(coded.code)
            denied = any(w in _DENIALS for w in t.norms[st.tok_lo : m.start])
            if denied and history is None:
                continue  # "no prior history of coronary disease" is no disease
            if history is None and ctx.history_is_indication and st.section_kind in _REASON_KINDS:
                # a study's clinical history ("4-year-old with a history of constipation")
                # is the reason for the study: the condition, unless it has a history code
                coded.notes.append("history given as the reason for the study")
            elif (
                history is None
                and ctx.indication_symptom_history
                and st.section_kind == "indications"
                and guidelines().is_reason(coded.code)
                and not denied
            ):
                # a sign or symptom (or bleeding, anemia: `reasons:`) has no personal-history
                # code: told in the indication of a procedure ("with a history of diarrhea")
                # it is the complaint worked up
                coded.notes.append("symptom told as history: the reason for the procedure")
            elif history is None:
                if (
                    (st.section_kind not in _DIAGNOSIS_KINDS and not ctx.comorbidity_reading)
                    or not guidelines().is_chronic(coded.code)
                    or "hist" not in assertion_of(doc, s, e).cue_text.lower()
                ):
                    continue
                coded.notes.append("chronic condition listed as history: a current condition")
            else:
                coded.notes.append(f"documented as past ({coded.code}): personal history code")
                coded.code = history
                coded.status = True
                coded.past_mention = (s, e)
                past_codes.add(k)
        results[k] = coded
    for k in sorted(results):
        m = kept[k]
        if k in results and not any(i in consumed for i in range(m.start, m.end)):
            found.append(results[k])
            for other in results[k].more:
                found.append(replace(results[k], code=other, more=[], notes=[*results[k].notes]))
            if k not in past_codes:
                found.extend(_also(results[k], ctx.concepts.concepts[m.payload]))
    covered |= consumed
    if not tabular or _too_long_for_titles(st):
        found.sort(key=lambda f: f.start)
        return found, uncertain
    segs = _side_tails_joined(ctx, _segments(doc, st.tok_lo, st.tok_hi, covered), covered)
    for seg_lo, seg_hi in segs:
        # "stenosis with obstruction" is one diagnosis; split at "with" only if it is not
        parts = [(seg_lo, seg_hi)]
        hits = [_tabular(ctx, st, seg_lo, seg_hi)]
        if hits[0] is None and not _LINKS.isdisjoint(t.norms[seg_lo:seg_hi]):
            parts = _segments(doc, seg_lo, seg_hi, covered, _LINK_JOINS)
            hits = [_tabular(ctx, st, a, b) for a, b in parts]
        for (lo, hi), hit in zip(parts, hits, strict=True):
            if hit is None:
                continue
            if not_dx is not None and not_dx.excluded(t.norms, st.tok_lo, st.tok_hi, lo, hi):
                continue
            s, e = t.starts[lo], t.ends[hi - 1]
            status = _status(ctx, s, e)
            if status == "present" and (opens_uncertain or _doubted(doc, st, lo, hi)):
                status = "uncertain"
            if status == "uncertain":
                uncertain.append(doc.text[s:e])
            elif status == "present" and not _told_negative(doc, st, hit.code, hi):
                found.append(hit)
    found.sort(key=lambda f: f.start)
    return found, uncertain
