"""The ICD-10-CM coder of the offline coder: one analysed note in, ``diagnoses`` items out.

Steps, each a coding guideline:

1. pick the diagnosis statements (:mod:`.statements`): postoperative / final diagnosis,
   impression, assessment; preoperative diagnosis, indication, reason for visit only when those
   give nothing codable (uncertain diagnoses are then coded as their signs and symptoms);
2. read each statement (:mod:`.reading`) through the curated index and the tabular titles, to
   the most specific billable code the words support (side, site, acuity, spine level, 7th
   character);
3. add what a coder adds from the rest of the note: the screening reason of a screening
   colonoscopy (listed first), status codes documented around the procedure;
4. apply the guideline rules (:mod:`.guidelines`): combination codes, symptoms integral to a
   confirmed diagnosis, a less specific code of the same category, Excludes1 pairs, age and
   sex edits;
5. sequence (screening, then the reason for the encounter, then the rest; status codes last)
   and give each code its evidence (the statement as written) and a confidence from the
   section, the specificity reached and what was inferred.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any, Final

from agentkit.coding.codesets.icd10cm import Icd10cmCodeSet
from agentkit.coding.edits.icd10cm_edits import acute_and_chronic, excludes1_note, may_be_unrelated
from agentkit.coding.engine.icd10.concepts import ConceptIndex, concept_index
from agentkit.coding.engine.icd10.guidelines import Guidelines, apply_combinations, guidelines
from agentkit.coding.engine.icd10.laterality import (
    bilateral_of_pairs,
    plural_part,
    side_of_same_part,
)
from agentkit.coding.engine.icd10.lexicon import lexicon
from agentkit.coding.engine.icd10.obstetrics import (
    in_pregnancy_target,
    obstetric_adjustments,
    pregnancy_facts,
)
from agentkit.coding.engine.icd10.reading import (
    Found,
    NoteContext,
    exam_site_pain,
    read_statement,
    remote_in,
)
from agentkit.coding.engine.icd10.statements import (
    SECTION_LABELS,
    Statement,
    section_plan,
    statements_of,
)
from agentkit.coding.engine.icd10.tabular_index import tabular_index
from agentkit.coding.engine.language import is_english_clinical
from agentkit.coding.engine.note_knowledge import note_knowledge
from agentkit.coding.engine.note_type import note_type, title_sentences
from agentkit.coding.engine.text.attributes import (
    Side,
    sides,
    sides_summary,
    spine_levels,
    vocabulary,
)
from agentkit.coding.engine.text.document import Document, Sentence, assertion_of
from agentkit.coding.engine.text.phrases import PhraseSet
from agentkit.coding.importers.icd10cm_tabular import parse_code_refs

__all__ = ["PAST_STAY", "code_diagnoses", "statement_codes"]

_BASE_CONFIDENCE = {
    "postop_dx": 0.92,
    "diagnosis": 0.9,
    "assessment": 0.87,
    "impression": 0.87,
    "preop_dx": 0.84,
    "indications": 0.8,
    "chief_complaint": 0.78,
    "findings": 0.74,
    "description": 0.72,
    "procedure": 0.75,
}
_NOTE_KINDS = frozenset(
    {
        "procedure",
        "description",
        "findings",
        "impression",
        "postop_dx",
        "preop_dx",
        "diagnosis",
        "assessment",
        "indications",
        "hpi",
        "chief_complaint",
        "body",
        "other",
        "technique",
        "specimens",
    }
)
_STATUS_KINDS = frozenset({"procedure", "description", "findings", "indications", "body", "other"})
# (the social history tells a status too: a current smoker, home oxygen)
_STATUS_NOTE: Final = "status documented in the note"
# guideline I.B.14: a BMI is reported beside a weight diagnosis the provider documents
_WEIGHT_DIAGNOSES: Final = ("E66", "E4", "R63.4", "R63.5", "R63.6", "R62.7", "Z71.3")
_HISTORY_KINDS = frozenset(
    {
        "pmh", "psh", "hpi", "history", "medications", "exam", "chief_complaint", "plan",
        "social_history",
    }
)  # fmt: skip
_CARRY_FROM_INDICATION = ("Z12.", "Z13.6", "Z13.82", "Z80.", "Z83.71", "Z86.010", "Z85.0", "Z30.")
# a report's one-line exam title ("EXAM: Bilateral screening mammogram.") tells its reason
_TITLE_TOKENS = 12
_MAX_QUOTE = 160
_DELIVERY_STORY_KINDS = frozenset({"description", "procedure", "findings", "other", "body"})
_CESAREAN: PhraseSet[int] = PhraseSet()
_CESAREAN.add("(cesarean|caesarean|c section|hysterotomy)", 0)
# a cesarean told without its name: the uterus opened through the lower segment under a
# bladder flap
_CESAREAN.add("(uterine incision|bladder flap|lower uterine segment)", 0)
# an instrumental delivery: O80 is a delivery with no instrumentation (guideline I.C.15.b.4)
_INSTRUMENTAL: PhraseSet[int] = PhraseSet()
_INSTRUMENTAL.add("(forceps|vacuum|kiwi|mityvac|ventouse)", 0)
# a birth told as happening in this note (an obstetric history "had a vaginal delivery in 2002"
# or a D&C "7 months after a delivery" tells none of these)
_BIRTH: PhraseSet[int] = PhraseSet()
for _p in (
    "apgar*",
    "placenta ~6 (delivered|expressed|extracted|spontaneously|intact)",
    "(delivery|removal|expression) of (the)? placenta",
    "cord ~3 (clamped|cut)",
    # a delivery summary: "Intrauterine pregnancy at 40 weeks, delivered", "delivery of a
    # live born infant"
    "(intrauterine pregnancy|iup|pregnancy|gestation) ~6 delivered",
    "(live born|liveborn) (infant|male|female|baby|neonate|newborn|girl|boy)",
    # the birth told in the passive: "with two pulls a healthy male infant was delivered"
    "(viable|live|healthy) ~3 (infant|male|female|baby|neonate|newborn|girl|boy) (was|were)"
    " (then|subsequently)? delivered",
):
    _BIRTH.add(_p, 0)
MAX_FALLBACK_TOKENS = 30
# a sign or symptom carried next to the postoperative diagnosis as the reason for the
# procedure is the one the indication states ("Rectal bleeding, constipation, abnormal CT
# scan"); a narrative sentence of the history ("The patient is a 69-year-old who presented
# with urgency and frequency ...") tells the story of the condition the procedure found, and
# its symptoms are integral to it. Measured on the labelled sets: symptoms from statements
# longer than this were mostly not coded by the gold (28 of 33).
MAX_REASON_TOKENS = 15
# The same holds for a short sentence of that story - one that tells what happened with a verb
# ("He required several boluses of fluid for tachycardia", "The patient reports nausea and
# vomiting", "Her pain had been intractable with anorexia") - in an operative note: the
# operation's diagnosis explains it. A listed reason ("Hematuria", "Syncope and dizziness",
# "The indication is hematuria") has none of these verbs. Measured on the labelled sets:
# symptoms of such sentences were in the gold 1 time of 12.
_STORY_VERBS = frozenset(
    {
        "has",
        "had",
        "was",
        "were",
        "reports",
        "reported",
        "complains",
        "complained",
        "presented",
        "presents",
        "required",
        "requires",
        "noted",
        "underwent",
        "developed",
        "began",
        "experienced",
        "revealed",
        "states",
        "stated",
    }
)
# a chief complaint is a few words ("Headache and neck pain"); a long sentence under that
# heading is the story of the illness (the symptoms on the way to a diagnosis the note makes
# elsewhere). Measured on the labelled sets: symptoms from longer complaint statements were
# almost never in the gold.
MAX_COMPLAINT_TOKENS = 12

# the encounter an injury code is reported for (its 7th character, guideline I.C.19.a):
# "D" a subsequent encounter, "S" a sequela, a fracture healing problem ("G" delayed healing,
# "K" nonunion, "P" malunion), "T" a treatment of a fracture said as done ("status post
# ORIF"): a visit after it is routine follow-up during healing. One pass over the note.
_EPISODE: PhraseSet[str] = PhraseSet()
_TREATED = (
    "(orif|crpp|open reduction|closed reduction|internal fixation|external fixation|fixation|"
    "pinning|intramedullary (nail|nailing|rod|rodding)|nailing|rodding|plating|casting|splinting)"
)
for _p, _c in (
    ("subsequent encounter", "D"),
    ("routine healing", "D"),
    ("(healing|healed) fracture", "D"),
    # an injury seen again while it heals ("the scalp lacerations appear to be healing")
    (
        "(laceration|lacerations|abrasion|abrasions|burn|burns) ~6 (appear|appears|is|are|look|"
        "looks|looking|seem|seems|remain|remains) (to be)? (well)? (healing|healed)",
        "D",
    ),
    ("(healing|healed) (laceration|lacerations|abrasion|abrasions|burn|burns)", "D"),
    ("follow up ~4 fracture", "D"),
    ("cast (removal|change|check)", "D"),
    ("(sequela|sequelae|late effect|late effects)", "S"),
    # "residual from a low back injury", "residuals of a crush injury" (index: Late effect(s)
    # - see Sequelae; Sequelae include any residual condition after the acute phase)
    ("(residual|residuals) (from|of)", "S"),
    ("(nonunion|nonunions|nonunited|ununited|non (union|unions|united))", "K"),
    ("(malunion|malunions|malunited|mal (union|unions|united))", "P"),
    ("(delayed|slow|slowly) (healing|union)", "G"),
    (f"(status post|s p|post) {_TREATED}", "T"),
    (f"(status post|s p) ~3 {_TREATED}", "T"),
    (f"(status post|s p) ~4 fracture* ~4 ({_TREATED[1:-1]}|hemiarthroplasty|arthroplasty)", "T"),
):
    _EPISODE.add(_p, _c)
_HEALING = frozenset("GKP")
_PAST_KINDS = frozenset({"pmh", "psh", "family", "social"})


def _episode(doc: Document, kind: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """The note's 7th character for injuries ("A" or "D") and the mentions of a fracture
    healing problem (present) or of a sequela as (start, end, letter)."""
    t = doc.tokens
    subsequent = False
    healing: list[tuple[int, int, str]] = []
    for m in _EPISODE.find_all(t.norms):
        letter = m.payload
        if letter == "S":
            # a sequela is the injury it is said with ("sequela of a remote ankle sprain"
            # is not the new tendon tear the same report finds): kept by place, read per
            # statement
            s, e = t.starts[m.start], t.ends[m.end - 1]
            if assertion_of(doc, s, e).status != "negated":
                healing.append((s, e, letter))
            continue
        if letter == "D":
            subsequent = True
            continue
        s, e = t.starts[m.start], t.ends[m.end - 1]
        sent = doc.sentence_at(s)
        if sent is None or sent.section_kind in _PAST_KINDS:
            continue
        if letter in _HEALING:
            if assertion_of(doc, s, e).status == "present":
                healing.append((s, e, letter))
                subsequent = True
        elif not remote_in(doc, sent.tok_lo, sent.tok_hi):
            subsequent = True  # "T": follow-up after the fracture was treated
    if kind != "procedure" and subsequent:
        return "D", tuple(healing)
    return "A", tuple(healing)


_PREPPED: PhraseSet[int] = PhraseSet()
_PREPPED.add(
    "(prepped|prepared|draped|exsanguinated|tourniquet|time out|timeout|incision|incised)", 0
)
_NOT_OPERATIVE_SIDE = frozenset({"quadrant", "lateral", "decubitus", "side", "sided", "tilt"})


def _prepped_side(doc: Document) -> str | None:
    """The operative side the narrative states where the site is prepared or opened ("the
    left upper extremity was prepped and draped", "an incision over the right elbow"), when
    the title names none; one side only. Positions and abdominal quadrants ("left lateral
    decubitus", "right upper quadrant port") are not the side of the disease."""
    t = doc.tokens
    found = []
    for s in doc.sentences:
        if s.section_kind in ("description", "technique", "body") and _PREPPED.find_all(
            t.norms, s.tok_lo, s.tok_hi
        ):
            for mention in sides(doc, s.start, s.end):
                k = t.index_at_or_after(mention.end)
                after = set(t.norms[k : k + 2])
                j = t.index_at_or_after(mention.start)
                before = set(t.norms[max(s.tok_lo, j - _SHIELD_REACH) : j])
                if not after & _NOT_OPERATIVE_SIDE and not before & _SHIELDED:
                    found.append(mention)
    side = sides_summary(found)
    return side if side in ("right", "left") else None


# the other side protected while this one is prepared ("the left eye was prepped and draped
# after a shield was placed over the right eye") is not operated on
_SHIELDED: Final = frozenset({"shield", "shielded", "protected", "covered", "patched"})
_SHIELD_REACH: Final = 8  # "a shield and tape were placed over the right eye"


# the narrative repeats the procedure on the other side ("By a similar procedure, the opposite
# tympanostomy and tube placement were accomplished", "the same was done on the contralateral
# side"): both sides, though the title names none
_REPEATED: PhraseSet[int] = PhraseSet()
for _phrase in (
    "(same|similar|identical) (procedure|fashion|manner|technique|steps) ~6 (opposite|contralateral"
    "|other) (side|ear|eye)",
    "(same|similar|identical) (procedure|fashion|manner|technique) ~3 (opposite|contralateral)",
    "(opposite|contralateral|other) (side|ear|eye) ~5 (same|similar|identical) "
    "(procedure|fashion|manner|technique)",
):
    _REPEATED.add(_phrase, 0)


def _repeated_side(doc: Document) -> str | None:
    """'bilateral' when the narrative tells the procedure done again on the other side."""
    t = doc.tokens
    # the procedure coder's phrases too ("the entire procedure was repeated on the fellow
    # eyelid"), so that both coders read the second side alike
    shared = vocabulary().other_side
    for s in doc.sentences:
        if s.section_kind in ("description", "technique", "body") and (
            _REPEATED.find_all(t.norms, s.tok_lo, s.tok_hi)
            or shared.find_all(t.norms, s.tok_lo, s.tok_hi)
        ):
            return "bilateral"
    return None


_HEADLINE_MAX = 12  # tokens: "Superior gluteal nerve block, left."


def _headline_side(doc: Document) -> str | None:
    """The side a PROCEDURE or OPERATION heading's short first line names when the narrative
    follows under the same heading ("PROCEDURE: Superior gluteal nerve block, left." then
    "After consent ..."): that line is the procedure's title though the section reads as
    the description. One side only."""
    t = doc.tokens
    seen: set[int] = set()
    found = []
    for s in doc.sentences:
        if s.section_kind != "description" or s.section_index in seen:
            continue
        seen.add(s.section_index)
        heading = doc.sections[s.section_index].heading.lower()
        if "procedure" not in heading and "operation" not in heading:
            continue
        if s.tok_hi - s.tok_lo > _HEADLINE_MAX:
            continue
        for mention in sides(doc, s.start, s.end):
            k = t.index_at_or_after(mention.end)
            if set(t.norms[k : k + 2]).isdisjoint(_NOT_OPERATIVE_SIDE):
                found.append(mention)
    side = sides_summary(found)
    return side if side in ("right", "left") else None


# the vessel a catheter or port goes in by ("Insertion of a Port-A-Cath via the left subclavian
# vein", "catheterization through the right femoral artery"): that side is the access route,
# not the side of the disease treated (an ovarian cancer is not a left one)
_ROUTE_WORDS: Final = frozenset({"via", "through", "thru"})
_ACCESS_VESSELS: Final = frozenset(
    {
        "subclavian", "jugular", "femoral", "cephalic", "basilic", "brachial", "radial",
        "vein", "artery", "venous", "arterial", "ij",
    }
)  # fmt: skip


def _access_route(doc: Document, mention: Side) -> bool:
    """True when a side names the vessel a line goes in by ('via the left subclavian vein')."""
    t = doc.tokens
    j = t.index_at_or_after(mention.start)
    k = t.index_at_or_after(mention.end)
    before = set(t.norms[max(0, j - 2) : j])
    return bool(before & _ROUTE_WORDS) and not _ACCESS_VESSELS.isdisjoint(t.norms[k : k + 3])


def _build_context(doc: Document, kind: str, icd: Any) -> NoteContext:
    context_side = None
    if kind in ("procedure", "radiology"):
        found: list[Side] = []
        for i in title_sentences(doc):
            s = doc.sentences[i]
            found.extend(m for m in sides(doc, s.start, s.end) if not _access_route(doc, m))
        context_side = sides_summary(found)
        if context_side is None and kind == "procedure":
            context_side = _prepped_side(doc) or _headline_side(doc) or _repeated_side(doc)
    spine = []
    note_sentences = []
    for s in doc.sentences:
        # an operative note's HISTORY is its indication ("HISTORY: ... paroxysmal atrial
        # fibrillation" types the "Atrial fibrillation" of its diagnosis)
        # and the social history tells what a smoker smokes ("smokes two packs a day")
        if s.section_kind in _NOTE_KINDS or s.section_kind in (
            "plan",
            "medications",
            "history",
            "social_history",
        ):
            note_sentences.append(s.index)
    for sec in doc.sections:
        if sec.kind in ("procedure", "postop_dx", "preop_dx", "description", "findings"):
            spine.extend(spine_levels(doc, sec.start, sec.end))
    seventh, healing = _episode(doc, kind)
    concepts = concept_index()
    site_pain = None
    if kind == "radiology":
        title_words = [
            list(doc.tokens.norms[doc.sentences[i].tok_lo : doc.sentences[i].tok_hi])
            for i in title_sentences(doc)
        ]
        site_pain = exam_site_pain(concepts, title_words)
    return NoteContext(
        doc=doc,
        concepts=concepts,
        tabular=tabular_index(icd),
        lex=lexicon(),
        context_side=context_side,
        context_spine=spine,
        note_sentences=note_sentences,
        seventh=seventh,
        healing=healing,
        fracture_followup=kind not in ("procedure", "pathology"),
        sides_from_history=kind in ("visit", "procedure"),
        history_is_indication=kind == "radiology",
        indication_symptom_history=kind == "procedure",
        study_title=tuple(
            (doc.sentences[i].tok_lo, doc.sentences[i].tok_hi) for i in title_sentences(doc)
        )
        if kind == "radiology"
        else (),
        exam_site_pain=site_pain,
    )


def _context(doc: Document, kind: str, icd: Any) -> NoteContext:
    """The note's reading context, computed once per note (the E/M leveler reads the
    statements the diagnosis coder reads); each caller gets its own copy to adjust. The memo
    keeps the values without the note, so that the note holds no reference to itself."""
    cached = doc.memo.get("icd10.context")
    if cached is None or cached[0] != kind or cached[1] is not icd:
        built = vars(_build_context(doc, kind, icd))
        cached = (kind, icd, {name: v for name, v in built.items() if name != "doc"})
        doc.memo["icd10.context"] = cached
    return NoteContext(doc=doc, **cached[2])


def _read(
    ctx: NoteContext, stmts: list[Statement], *, tabular: bool = True
) -> tuple[list[Found], list[str]]:
    found: list[Found] = []
    uncertain: list[str] = []
    for st in stmts:
        f, u = read_statement(ctx, st, tabular=tabular)
        found.extend(f)
        uncertain.extend(u)
    return found, uncertain


def _quote(doc: Document, f: Found) -> tuple[int, int]:
    st = f.statement
    lo, hi = st.start, st.end
    if hi - lo > _MAX_QUOTE:
        lo = max(st.start, f.start - 60)
        hi = min(st.end, f.end + 60)
        while lo > st.start and lo < f.start and not doc.text[lo - 1].isspace():
            lo += 1
        while hi < st.end and hi > f.end and not doc.text[hi].isspace():
            hi -= 1
    text = doc.text
    while lo < hi and (text[lo].isspace() or text[lo] in "-*•#.):(0123456789"):
        if text[lo].isdigit() and lo + 1 < hi and text[lo + 1].isalpha():
            break
        lo += 1
    while hi > lo and text[hi - 1] in " \t\r\n.,;:":
        hi -= 1
    if hi <= lo:
        return f.start, f.end
    return lo, hi


def _diabetes_type(codes: list[str], by_code: dict[str, Found], icd: Any) -> list[str]:
    """A note that documents type 1 diabetes codes its diabetic complications as type 1:
    "diabetic neuropathy" read alone defaults to E11.40, with type 1 stated it is E10.40."""
    if not any(c.startswith("E10.") for c in codes):
        return codes
    out: list[str] = []
    for code in codes:
        if code.startswith("E11."):
            alt = "E10." + code[4:]
            if icd.is_billable(alt):
                f = by_code.pop(code)
                f.code = alt
                f.notes.append("type 1 diabetes documented in the note")
                by_code.setdefault(alt, f)
                code = alt
        if code not in out:
            out.append(code)
    return out


_SIDE_WORDS = re.compile(r"\b(right|left)\b")


def _side_beside_bilateral(codes: list[str], icd: Any) -> list[str]:
    """Drop a one-side code whose bilateral sibling (same subcategory) is also reported: the
    condition is in both (H25.12 beside H25.13; guideline I.B.13 codes bilateral once)."""
    titles = {}
    for code in codes:
        rec = icd.get(code)
        if rec is not None:
            titles[code] = (rec.parent, rec.description.lower())
    bilateral = {parent for parent, title in titles.values() if "bilateral" in title}
    return [
        c
        for c in codes
        if c not in titles
        or titles[c][0] not in bilateral
        or "bilateral" in titles[c][1]
        or not _SIDE_WORDS.search(titles[c][1])
    ]


def _unspecified_duplicates(
    codes: list[str],
    icd: Any,
    by_code: dict[str, Found] | None = None,
    added: frozenset[str] = frozenset(),
) -> list[str]:
    """Drop a code whose category also has a more specific code here (K64.9 with K64.8);
    a code a combination rule ``added`` beside others is no such code."""
    out = list(codes)

    def same_words(a: str, b: str) -> bool:
        if by_code is None or a not in by_code or b not in by_code:
            return False
        # the same words, not merely the same list ("Dermatochalasis, mechanical ptosis")
        fa, fb = by_code[a], by_code[b]
        return fa.start < fb.end and fb.start < fa.end

    def vagueness(c: str) -> int:
        rec = icd.get(c)
        return rec.description.lower().count("unspecified") if rec is not None else 0

    for code in codes:
        mine = vagueness(code)
        if mine == 0 or (by_code is not None and code in by_code and by_code[code].distinct):
            continue
        # the vague code of the same condition (K64.9 with K64.8, H72.91 with H72.2X1), not a
        # second complication of it (E10.40 "neuropathy, unspecified" with E10.65)
        others = [
            o
            for o in out
            if o != code
            and o not in added
            and o[:3] == code[:3]
            and (code[4:5] in ("", "9") or o[:5] == code[:5] or same_words(code, o))
            and not acute_and_chronic(icd, code, o)
        ]
        if any(vagueness(o) < mine for o in others):
            out.remove(code)
    return out


def _excludes1(
    codes: list[str], icd: Any, by_code: dict[str, Found] | None = None
) -> tuple[list[str], list[tuple[str, str]]]:
    """Keep the earlier code of any pair an Excludes1 note forbids together.

    The note forbids two codes for ONE condition. Reported together: the acute and the chronic
    form of a condition (guideline I.B.8), and two conditions unrelated to each other
    (I.A.12.a): a pair that :func:`may_be_unrelated` allows, read from different words of the
    note ("rectocele" and "vaginal vault prolapse after hysterectomy"). The claim edit
    ``check_excludes1`` asks the same questions."""

    def separate(a: str, b: str) -> bool:
        if by_code is None or a not in by_code or b not in by_code:
            return False
        fa, fb = by_code[a], by_code[b]
        return not (fa.start < fb.end and fb.start < fa.end)

    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for code in codes:
        conflict = None
        for other in kept:
            if acute_and_chronic(icd, code, other):
                continue
            if (
                excludes1_note(icd, other, code) is None
                and excludes1_note(icd, code, other) is None
            ):
                continue
            if separate(code, other) and may_be_unrelated(icd, code, other):
                continue
            conflict = other
            break
        if conflict is None:
            kept.append(code)
        else:
            dropped.append((code, conflict))
    return kept, dropped


def _age_sex(codes: list[str], kb: Any, patient: Any) -> list[str]:
    if not isinstance(patient, dict) and patient is not None:
        patient = getattr(patient, "model_dump", lambda: {})()
    patient = patient or {}
    sex = str(patient.get("sex") or "").lower()
    age = patient.get("age")
    mce = getattr(kb, "mce", None)
    if mce is None or (sex not in ("male", "female") and not isinstance(age, int)):
        return codes
    from agentkit.coding.edits.age_sex import AGE_RULES

    out = []
    for code in codes:
        edits = mce.edits(code)
        if (sex == "male" and "female" in edits) or (sex == "female" and "male" in edits):
            continue
        if isinstance(age, int) and any(
            not AGE_RULES[e][0] <= age <= AGE_RULES[e][1] for e in edits & AGE_RULES.keys()
        ):
            continue
        out.append(code)
    return out


def code_diagnoses(
    doc: Document, *, patient: Any = None, date_of_service: date | None = None
) -> list[dict[str, Any]]:
    """The ``diagnoses`` items of the icd10cm_coding output, first-listed first."""
    if not doc.tokens.norms or not is_english_clinical(doc):
        return []
    kb = note_knowledge(doc, date_of_service)
    icd = kb.icd10cm
    kind = note_type(doc)
    ctx = _context(doc, kind, icd)
    plan = section_plan(doc, kind)
    found: list[Found] = []
    uncertain: list[str] = []
    read_sections: set[int] = set()
    for role, secs in plan:
        if role == "fallback" and found:
            break
        stmts = statements_of(doc, secs)
        long: list[Statement] = []
        if role == "fallback":
            # a reason for the visit is a short statement; long narrative sentences mention
            # far more than the diagnoses - an indication's long sentence is read for curated
            # diagnoses only ("ventilator-dependent respiratory failure with a tracheostomy")
            long = [
                st
                for st in stmts
                if st.section_kind == "indications"
                and MAX_FALLBACK_TOKENS < st.tok_hi - st.tok_lo <= 2 * MAX_FALLBACK_TOKENS
            ]
            stmts = [
                st
                for st in stmts
                if st.section_kind == "preop_dx"
                or st.tok_hi - st.tok_lo
                <= (
                    MAX_COMPLAINT_TOKENS
                    if st.section_kind == "chief_complaint"
                    else MAX_FALLBACK_TOKENS
                )
            ]
        f, u = _read(ctx, stmts)
        if long:
            f2, u2 = _read(ctx, long, tabular=False)
            f.extend(f2)
            u.extend(u2)
        if role == "admitting":
            # what was thought on arrival: only what the discharge diagnoses do not restate
            # ("History of uterine cancer" stays; "intractable migraine" gives way to the
            # discharge's "migraine")
            restated = {y.code[:3] for y in found}
            # a sign or symptom the patient came in with is explained or gone by discharge
            # when the discharge diagnoses do not name it (guideline I.B.5 / IV.D)
            f = [x for x in f if x.code[:3] not in restated and not x.code.startswith("R")]
            for x in f:
                x.penalty += 0.05
                x.notes.append("admitting diagnosis the discharge diagnoses do not restate")
            u = []
        read_sections.update(secs)
        uncertain.extend(u)
        if role == "fallback" and uncertain:
            for x in f:
                x.penalty += 0.05
                x.notes.append("coded as the sign or symptom of an uncertain diagnosis")
        found.extend(f)
    if kind == "visit":
        # a problem-oriented plan ("2. Hypertension. I have added labetalol ...") names each
        # problem addressed at the head of its numbered item
        heads = _plan_problem_heads(doc)
        ctx.problem_heads = frozenset(st.sentence_index for st in heads)
        for x in _read(ctx, heads, tabular=False)[0]:
            if x.code not in {y.code for y in found} and _names_problem(doc, x):
                x.notes.append("problem named in the numbered plan")
                x.penalty += 0.03
                found.append(x)
    if kind == "visit" and found:
        found.extend(_complaints_beside_symptoms(doc, ctx, read_sections, found))
    primary_codes = {x.code for x in found}
    # screening / surveillance reasons stated only in the preoperative diagnosis or indication
    extra_secs = [
        i
        for i, s in enumerate(doc.sections)
        if i not in read_sections
        and (
            s.kind in ("preop_dx", "indications", "chief_complaint")
            or (kind == "radiology" and s.kind == "exam" and _short(doc, s.start, s.end))
        )
    ]
    # a report without a formal diagnosis section (impression only) also reports the signs,
    # symptoms and abnormal results that were the reason for the study
    report = kind in ("procedure", "radiology") and not any(
        s.kind in ("postop_dx", "diagnosis") for s in doc.sections
    )
    if extra_secs:
        stmts = [
            st
            for st in statements_of(doc, extra_secs)
            if st.tok_hi - st.tok_lo <= MAX_FALLBACK_TOKENS
        ]
        f, _ = _read(ctx, stmts, tabular=False)
        for x in f:
            if x.code in primary_codes:
                continue
            if x.code.startswith(_CARRY_FROM_INDICATION):
                x.notes.append("reason for the encounter stated in the indication")
                found.append(x)
            elif (
                found
                and (report or kind == "procedure")
                and (guidelines().is_reason(x.code) or x.code.startswith(_ACUTE_CORONARY))
                and x.statement.tok_hi - x.statement.tok_lo <= MAX_REASON_TOKENS
                and not (kind == "procedure" and _story_symptom(doc, x, found))
                and not any(x.code[:3] == c[:3] for c in primary_codes)
            ):
                # the reason for the procedure stays reportable unless the postoperative
                # diagnosis explains it (integral symptoms are dropped later)
                x.notes.append("sign or symptom that was the reason for the study")
                x.penalty += 0.05
                found.append(x)
    if kind == "procedure":
        found.extend(_bare_screening(doc, found))
    found.extend(_family_reasons(doc, ctx, read_sections, found))
    found.extend(_chest_pain_family_history(doc, found))
    if kind == "procedure" and found:
        # conditions the scope showed besides the postoperative diagnosis (diverticulosis and
        # hemorrhoids at a colonoscopy for a polyp, a hiatal hernia at an EGD for reflux)
        found.extend(_procedure_findings(doc, ctx, read_sections, found))
        found.extend(_procedure_conditions(doc, found, patient))
    elif kind == "radiology" and found:
        # a catheterization's report (typed as imaging) tells the coronary disease its
        # angiograms showed in the findings ("LAD has 30% stenosis at the origin")
        found.extend(
            x
            for x in _procedure_findings(doc, ctx, read_sections, found)
            if x.code.startswith(_ANGIOGRAPHIC_FINDINGS)
        )
    # status codes documented around the procedure (a bronchoscopy through a tracheostomy)
    status_secs = [
        i
        for i, s in enumerate(doc.sections)
        if s.kind in _STATUS_KINDS and i not in read_sections and i not in extra_secs
    ]
    rules = guidelines()
    anywhere = _anywhere_codes(ctx.concepts, rules)
    if rules.status_anywhere:
        status_secs = [
            i
            for i, s in enumerate(doc.sections)
            if (s.kind in _STATUS_KINDS or s.kind in _HISTORY_KINDS or i in extra_secs)
            and i not in read_sections
        ]
    # the words of the operation this note does (its PROCEDURE sections): a device, graft or
    # transplant its indication names in the same words is the one placed now
    done_words = " ".join(
        " ".join(_WORD.findall(doc.text[s.start : s.end].lower()))
        for s in doc.sections
        if s.kind == "procedure"
    )
    removed_primaries: set[str] = set()  # history codes of cancers told as removed long ago
    if status_secs and anywhere:
        for st in statements_of(doc, status_secs):
            if not ctx.concepts.phrases.find_all(doc.tokens.norms, st.tok_lo, st.tok_hi):
                continue
            f, _ = read_statement(ctx, st, tabular=False)
            for x in f:
                said = assertion_of(doc, x.start, x.end)
                dated = (
                    _dated_past_cancer(doc, x)
                    if said.status == "present" or x.past_mention is not None
                    else None
                )
                if dated is not None:
                    # "underwent a left nephrectomy for renal cell carcinoma in 1999": the
                    # primary excised or treated long ago, its personal history (I.C.2.d)
                    if dated:
                        removed_primaries.add(dated)
                    x.notes.append("cancer treated years before, told in the narrative")
                    x.code = dated or str(rules.history_code(x.code))
                    x.status = True
                    x.past_mention = None
                    if not _past_malignancy(doc, x, found) or x.code in primary_codes:
                        continue
                    x.notes.append(_STATUS_NOTE)
                    x.penalty += 0.1
                    found.append(x)
                    continue
                if said.status in ("negated", "hypothetical") and said.cue is not None:
                    continue  # "she is not yet on dialysis", "will need a pacemaker"
                if x.code.startswith("Z79") and said.status != "present" and said.cue is not None:
                    continue  # a drug taken before ("had been on Coumadin") is no status now
                if x.code.startswith("Z79") and _told_in_past(doc, x):
                    continue  # "she was placed on Coumadin after the surgery", "was on aspirin"
                if x.code.startswith("Z85") and not _past_malignancy(doc, x, found):
                    continue
                if x.code.startswith(_PLACED_HERE) and x.statement.section_kind == "procedure":
                    continue  # "Cadaveric renal transplant": this operation makes the status
                in_reason = doc.sentences[x.statement.sentence_index].section_index in extra_secs
                if (
                    in_reason
                    and x.code.startswith("Z79")
                    and _LONG_TERM.isdisjoint(_WORD.findall(doc.text[x.start : x.end].lower()))
                ):
                    # an indication's drug ("taking apixaban") is the story of the operation;
                    # long-term use told so ("steroid-dependent", "chronic prednisone") counts
                    continue
                if in_reason and x.code.startswith("Z99") and _story_clause(doc, x):
                    # "deteriorated and became encephalopathic requiring a ventilator": the
                    # story of the illness told how it was then, not a dependence now
                    continue
                if (
                    x.code.startswith(_PLACED_HERE)
                    and in_reason
                    and said.status != "historical"
                    and _names_operation_done(doc.text[x.start : x.end], done_words)
                ):
                    # the indication tells the operation the note then does ("it was decided
                    # to perform a valve replacement and bypass grafting"), not an earlier one
                    continue
                if x.code.startswith("Z68") and not any(
                    f.code.startswith(_WEIGHT_DIAGNOSES) for f in found
                ):
                    continue  # a BMI told in the vital signs needs the provider's weight diagnosis
                if (
                    x.code in anywhere or f"{x.code}|{x.name}" in anywhere
                ) and x.code not in primary_codes:
                    x.notes.append(_STATUS_NOTE)
                    x.penalty += 0.08
                    found.append(x)
    if removed_primaries and any(x.code.startswith(_SECONDARY_SITES) for x in found):
        # a metastatic cancer whose primary was removed years ago: the primary site is its
        # personal history (guideline I.C.2.d), the secondary sites the current cancer
        for x in found:
            if x.code.startswith("C") and not x.code.startswith(_SECONDARY_SITES):
                history = rules.history_code(x.code)
                said_recurrent = any(
                    w.startswith("recur")
                    for w in doc.tokens.norms[x.statement.tok_lo : x.statement.tok_hi]
                )
                if history in removed_primaries and not said_recurrent:
                    # ("recurrent metastatic ovarian cancer" is the cancer treated now)
                    x.notes.append("primary removed earlier, now metastatic: its history")
                    x.code = history
                    x.status = True
    if kind == "visit":
        found.extend(_followed_for(doc, ctx, found))
    # a status or BMI read from the history or the vital signs is no diagnosis statement: a
    # note with only those still falls back to the reason its history tells
    stated = [x for x in found if _STATUS_NOTE not in x.notes]
    if not stated and kind == "visit":
        # a history and physical that ends before any assessment: the reason for the visit
        # told at the start of the history of present illness
        for x in _read(ctx, _hpi_opening(doc), tabular=False)[0]:
            if not x.status:
                x.notes.append("reason for the visit told in the history of present illness")
                x.penalty += 0.1
                found.append(x)
    if not found and kind == "procedure":
        # no diagnosis stated anywhere: the operation's title names the condition it treats
        # ("Laparoscopic umbilical hernia repair", "Phacoemulsification of cataract, right
        # eye"); curated diagnoses only
        titles = _procedure_titles(doc)
        if titles:
            for x in _read(ctx, titles, tabular=False)[0]:
                if not x.status:
                    x.notes.append("condition named in the procedure performed")
                    x.penalty += 0.1
                    found.append(x)
    if not found and kind in ("procedure", "other"):
        # an operation told as bare narrative (no headings) is typed "other"
        found = _procedure_reason(doc)
    if kind in ("procedure", "other") and not any(x.code.startswith("O") for x in found):
        # a delivery told as bare narrative (no headings) is typed "other"
        found.extend(_delivery_narrative(doc, ctx))
    if kind == "visit":
        found.extend(_history_comorbidities(doc, ctx, found))
    if kind == "procedure" and found:
        found.extend(_procedure_comorbidities(doc, ctx, found))
    found.extend(_ckd_companions(doc, ctx, found))
    if kind != "procedure":
        found.extend(_chronic_pain(doc, found))
    if kind == "visit":
        found.extend(_tobacco_addressed(doc, found))
    return _finish(doc, kb, icd, ctx, found, patient)


# A family history of a disease told as the reason for the encounter - in the indication, the
# clinical history of a study, the history of a consultation ("a strong family history of
# breast cancer" before a mammogram or a breast biopsy, "her sister had colon cancer" at a
# screening consult) - is coded (guideline I.C.21.c.4: family history codes when the history
# is a reason for the examination); one told only in the FAMILY HISTORY section is background.
_FAMILY_REASON = ("Z80.", "Z81.", "Z82.", "Z83.", "Z84.")
_FAMILY_REASON_KINDS = frozenset({"preop_dx", "indications", "chief_complaint", "history"})


def _complaints_beside_symptoms(
    doc: Document, ctx: NoteContext, read_sections: set[int], found: list[Found]
) -> list[Found]:
    """The chief complaint's symptoms when a visit's assessment names no condition.

    An assessment that gives only signs or symptoms ("Dizziness.") leaves the visit without a
    diagnosis that explains the other complaints the patient came with ("dizziness and
    palpitations"), so they are reported too (guideline IV.D: signs and symptoms are coded
    when no definitive diagnosis is established). A named condition makes its presenting
    symptoms integral, so nothing is added then. Measured on the labelled sets: 3 of 3
    added complaints were in the gold, where complaints beside a named condition were 9 of 52.
    """
    rules = guidelines()
    if not found or not all(rules.is_reason(x.code) for x in found):
        return []
    secs = [
        i
        for i, s in enumerate(doc.sections)
        if s.kind == "chief_complaint" and i not in read_sections
    ]
    if not secs:
        return []
    stmts = [st for st in statements_of(doc, secs) if st.tok_hi - st.tok_lo <= MAX_FALLBACK_TOKENS]
    have = {x.code[:3] for x in found}
    out: list[Found] = []
    for x in _read(ctx, stmts, tabular=False)[0]:
        if rules.is_reason(x.code) and x.code[:3] not in have:
            have.add(x.code[:3])
            x.notes.append("complaint of a visit whose assessment names no condition")
            x.penalty += 0.05
            out.append(x)
    return out


def _family_reasons(
    doc: Document, ctx: NoteContext, read_sections: set[int], found: list[Found]
) -> list[Found]:
    secs = [
        i
        for i, s in enumerate(doc.sections)
        if s.kind in _FAMILY_REASON_KINDS and i not in read_sections
    ]
    if not secs:
        return []
    have = {x.code[:5] for x in found}
    out: list[Found] = []
    for x in _read(ctx, statements_of(doc, secs), tabular=False)[0]:
        if x.code.startswith(_FAMILY_REASON) and x.code[:5] not in have:
            have.add(x.code[:5])
            x.notes.append("family history told as the reason for the encounter")
            x.penalty += 0.05
            out.append(x)
    return out


# Hypertension and diabetes with chronic kidney disease (guidelines I.C.9.a.2 and I.A.15: the
# link is presumed unless the note says otherwise): a note that codes CKD and documents the
# patient's hypertension or diabetes anywhere - a past medical history list, "ESRD secondary to
# diabetes and hypertension" in the history - reports the combination codes (I12.-/I13.-,
# E11.22), not the kidney disease alone. A family history, a negation ("no history of
# diabetes") or a doubt is no documentation; a "diabetic diet" is no diabetes.
_CKD_COMPANIONS = {"I10": ("I10", "I11", "I12", "I13"), "E11.9": ("E10", "E11", "E13")}
_CKD_COMPANIONS["E10.9"] = _CKD_COMPANIONS["E11.9"]
_CKD_MENTION_STATUS = frozenset({"present", "historical"})
_CKD_DENIALS = frozenset({"no", "not", "never", "denies", "denied", "negative", "without"})


def _mentions(
    doc: Document, ctx: NoteContext, kinds: frozenset[str] | None, wanted: Callable[[str], bool]
) -> Iterator[tuple[Sentence, int, int, str]]:
    """Curated diagnoses the patient has or had, wherever the note tells them (sentences of
    ``kinds``, else of every section but the family history): ``(sentence, first token, end
    token, concept code)`` for the codes ``wanted`` accepts, longest phrase first in each
    sentence. A denied past ("no history of diabetes"), a doubt, a plan, a relative's
    condition and a "diabetic diet" are left out."""
    index = ctx.concepts
    norms = doc.tokens.norms
    for sent in doc.sentences:
        if sent.section_kind == "family_history" or (
            kinds is not None and sent.section_kind not in kinds
        ):
            continue
        matches = sorted(
            index.phrases.find_all(norms, sent.tok_lo, sent.tok_hi),
            key=lambda m: (-(m.end - m.start), m.start),
        )
        taken: set[int] = set()
        for m in matches:
            if any(i in taken for i in range(m.start, m.end)):
                continue
            taken.update(range(m.start, m.end))
            code = index.concepts[m.payload].code
            if not wanted(code):
                continue
            s, e = doc.tokens.starts[m.start], doc.tokens.ends[m.end - 1]
            if doc.text[s:e].lower() == "diabetic":
                continue
            if assertion_of(doc, s, e).status not in _CKD_MENTION_STATUS or any(
                w in _CKD_DENIALS for w in norms[max(sent.tok_lo, m.start - 4) : m.start]
            ):
                continue  # "No history of diabetes" is told as history, but denied
            yield sent, m.start, m.end, code


# "INDICATION: Screening." / "Average risk screening." at a colonoscopy or sigmoidoscopy: the
# study names what is screened (Z12.11; Z12.12 when only the rectum is examined). Only a
# statement of nothing but screening words, so "screening labs" in a visit stays uncoded; the
# findings are added after it (guideline I.C.21.c.5: screening stays first-listed).
_SCREEN_WORDS = frozenset(
    {
        "screening",
        "screen",
        "average",
        "risk",
        "routine",
        "high",
        "increased",
        "for",
        "colonoscopy",
        "colonoscopic",
        "sigmoidoscopy",
        "exam",
        "examination",
        "purposes",
        "purpose",
        "cancer",
        "colorectal",
        "colon",
        "a",
        "the",
    }
)
_COLON_STUDY = frozenset({"colonoscopy", "colonoscope", "colonoscopic", "sigmoidoscopy"})
_RECTUM_STUDY = frozenset({"proctoscopy", "proctoscope", "anoscopy", "proctosigmoidoscopy"})
_PART_BREAK = frozenset(",;:")
_SCREEN_KINDS = frozenset({"indications", "preop_dx", "postop_dx", "diagnosis", "impression"})


def _bare_screening(doc: Document, found: list[Found]) -> list[Found]:
    """A screening colonoscopy whose indication says only "Screening." (Z12.11)."""
    if any(x.code.startswith("Z12.") for x in found):
        return []
    norms = doc.tokens.norms
    words = set(norms)
    if words & _COLON_STUDY:
        code = "Z12.11"
    elif words & _RECTUM_STUDY:
        code = "Z12.12"
    else:
        return []
    for sent in doc.sentences:
        if sent.section_kind not in _SCREEN_KINDS:
            continue
        # the statement's first part: "Screening, family history of colon cancer" (the
        # family history is coded on its own)
        hi = sent.tok_lo
        while hi < sent.tok_hi and (
            hi == sent.tok_lo
            or not _PART_BREAK.intersection(
                doc.text[doc.tokens.ends[hi - 1] : doc.tokens.starts[hi]]
            )
        ):
            hi += 1
        said = [w for w in norms[sent.tok_lo : hi] if w.isalpha()]
        if said and {"screening", "screen"} & set(said) and set(said) <= _SCREEN_WORDS:
            f = _mention_found(
                doc, sent, sent.tok_lo, hi, code, "screening stated as the indication"
            )
            if assertion_of(doc, f.start, f.end).status != "present":
                continue
            return [f]
    return []


# Chest pain worked up at the encounter (R07.-: no cause established) with a relative's heart
# disease in the family history: that history is a reason for the cardiac work-up and is coded
# (guideline I.C.21.c.4, Z82.49). Measured on the labelled sets: 2 of 2 chest-pain notes whose
# family history told heart disease had Z82.49 in the label; notes with coronary disease
# established (a myocardial infarction) did not.
_HEART_WORDS = frozenset(
    {"coronary", "heart", "cardiac", "myocardial", "infarction", "cad", "mi", "bypass", "cabg"}
)
_FAMILY_DENIALS = frozenset(
    {"no", "not", "negative", "denies", "denied", "noncontributory", "unremarkable", "unknown",
     "without", "nor", "never"}
)  # fmt: skip


def _chest_pain_family_history(doc: Document, found: list[Found]) -> list[Found]:
    codes = {x.code for x in found}
    if "Z82.49" in codes or not any(c.startswith("R07") for c in codes):
        return []
    norms = doc.tokens.norms
    for sent in doc.sentences:
        if sent.section_kind != "family_history":
            continue
        for i in range(sent.tok_lo, sent.tok_hi):
            if norms[i] in _HEART_WORDS:
                if not _FAMILY_DENIALS.isdisjoint(norms[sent.tok_lo : i]):
                    break
                why = "family history of heart disease beside chest pain worked up"
                return [_mention_found(doc, sent, sent.tok_lo, sent.tok_hi, "Z82.49", why)]
    return []


def _mention_found(doc: Document, sent: Sentence, lo: int, hi: int, code: str, why: str) -> Found:
    s, e = doc.tokens.starts[lo], doc.tokens.ends[hi - 1]
    st = Statement(sent.start, sent.end, sent.tok_lo, sent.tok_hi, sent.section_kind, sent.index, 0)
    return Found(code, s, e, st, "index", doc.text[s:e], notes=[why], penalty=0.08)


def _procedure_comorbidities(doc: Document, ctx: NoteContext, found: list[Found]) -> list[Found]:
    """The systemic chronic conditions a procedure note's indication or history tells of its
    patient (`procedure_comorbidities:` in guidelines.yaml: diabetes), coded beside the
    postoperative diagnosis (guideline IV.J: a coexisting condition that affects the care)."""
    rules = guidelines()
    pc = rules.procedure_comorbidities
    if pc is None:
        return []
    have = {x.code[:3] for x in found}
    out: list[Found] = []
    for sent in doc.sentences:
        if sent.section_kind not in pc.sections:
            continue
        st = Statement(
            sent.start, sent.end, sent.tok_lo, sent.tok_hi, sent.section_kind, sent.index, 0
        )
        ctx.comorbidity_reading = True
        try:
            read = read_statement(ctx, st, tabular=False)[0]
        finally:
            ctx.comorbidity_reading = False
        for x in read:
            if x.status or x.code[:3] in have or not any(p.matches(x.code) for p in pc.codes):
                continue
            have.add(x.code[:3])
            x.notes.append("chronic condition the procedure note tells of its patient")
            x.penalty += 0.08
            out.append(x)
        for m in pc.patient_words.find_all(doc.tokens.norms, sent.tok_lo, sent.tok_hi):
            code = pc.patient_code
            s, e = doc.tokens.starts[m.start], doc.tokens.ends[m.end - 1]
            if code[:3] in have or assertion_of(doc, s, e).status not in ("present", "historical"):
                continue
            have.add(code[:3])
            why = "chronic condition the procedure note tells of its patient"
            out.append(_mention_found(doc, sent, m.start, m.end, code, why))
    return out


# Pain of a site told as chronic ("Chronic pelvic pain", "chronic left lower extremity pain"):
# the site code and G89.29 other chronic pain (guideline I.C.6.b.1: a G89 code with the site
# code when the pain is documented as chronic); "chronic back/neck pain" concepts say so
# themselves (`also:`). A pain syndrome or postoperative pain has its own G89 code. Not in an
# operative note, where the pain is the reason for the operation: measured on the labelled
# sets, visits' chronic pain had G89.29 in the gold 2 of 2 times, operative notes' 1 of 4.
_SITE_PAIN: Final = ("R10.", "M25.5", "M79.6", "R07.", "M54.", "R51.", "M79.1", "N64.4", "H57.1")
_CHRONIC_WORDS: Final = frozenset({"chronic", "chronically"})
_CHRONIC_REACH: Final = 4  # words between "chronic" and the pain it qualifies


def _chronic_pain(doc: Document, found: list[Found]) -> list[Found]:
    if any(x.code.startswith("G89") for x in found):
        return []
    t = doc.tokens
    for x in found:
        if not x.code.startswith(_SITE_PAIN):
            continue
        lo = max(x.statement.tok_lo, t.index_at_or_after(x.start) - _CHRONIC_REACH)
        hi = min(x.statement.tok_hi, t.index_before(x.end) + 1)
        words = t.norms[lo:hi]
        if "pain" in words and not _CHRONIC_WORDS.isdisjoint(words):
            extra = _copy_found(x)
            extra.code = "G89.29"
            extra.how = "rule"
            extra.notes.append("pain documented as chronic: G89.29 with the site code")
            extra.penalty += 0.05
            return [extra]
    return []


def _ckd_companions(doc: Document, ctx: NoteContext, found: list[Found]) -> list[Found]:
    if not any(x.code.startswith("N18") for x in found):
        return []
    wanted = {
        code
        for code, coded in _CKD_COMPANIONS.items()
        if not any(x.code.startswith(coded) for x in found)
    }
    out: list[Found] = []
    for sent, lo, hi, code in _mentions(doc, ctx, None, lambda c: c in _CKD_COMPANIONS):
        if code not in wanted:
            continue
        wanted -= {c for c, g in _CKD_COMPANIONS.items() if g == _CKD_COMPANIONS[code]}
        why = "documented with chronic kidney disease: the link is presumed"
        out.append(_mention_found(doc, sent, lo, hi, code, why))
        if not wanted:
            break
    return out


# A visit note that states no assessment, impression or diagnosis at all (an emergency
# record or a history and physical that ends with its examination or plan): the chronic
# conditions of its past medical history (`chronic:` in guidelines.yaml - hypertension,
# diabetes, hyperlipidemia, asthma, COPD ...) coexist and affect the care of the encounter
# (guideline IV.J), and nothing else tells what was managed. Measured on the labelled sets:
# the gold coded every such chronic condition (a note with an assessment codes what the
# assessment lists; its history list alone was coded by about a third of the labels).
_DIAGNOSIS_SECTIONS = frozenset({"assessment", "impression", "diagnosis", "postop_dx"})
_HISTORY_LISTS = frozenset({"pmh"})


def _history_comorbidities(doc: Document, ctx: NoteContext, found: list[Found]) -> list[Found]:
    if any(s.kind in _DIAGNOSIS_SECTIONS for s in doc.sections):
        return []
    rules = guidelines()
    have = {x.code[:3] for x in found}
    out: list[Found] = []
    for sent, lo, hi, code in _mentions(doc, ctx, _HISTORY_LISTS, rules.is_chronic):
        if code[:3] in have:
            continue
        have.add(code[:3])
        why = "chronic condition of the past history of a visit without an assessment"
        out.append(_mention_found(doc, sent, lo, hi, code, why))
    return out


# Tobacco dependence addressed at the visit: a current smoker (social history "smokes a pack a
# day", "active smoker") whose visit addresses the smoking (cessation advised or discussed,
# Chantix, nicotine patches) has a condition that affects the care (guideline IV.J) and is
# coded F17.2- by product. A smoker the visit does not address is background; a former smoker
# is not current. Measured on the labelled sets: smokers told only in the social history were
# coded by fewer than half of the labels, smokers whose smoking the visit addressed by most.
_SMOKES: PhraseSet[str] = PhraseSet()
for _p in (
    "smokes",
    "(current|active|daily|heavy|chronic) (smoker|smoking|tobacco (use|user|abuse))",
    "(is|still|continues to|continue to|continuing to) (a)? (smoker|smoke|smoking)",
    "(smoking|smoker) ~4 (pack|packs|ppd|cigarette|cigarettes|cigar|cigars|pipe)",
    "(tobacco|nicotine) (abuse|use|user|dependence)",
    "cigarette smoker",
):
    _SMOKES.add(_p, "smokes")
_QUITTING: PhraseSet[str] = PhraseSet()
for _p in (
    "(smoking|tobacco|nicotine|cigarette) cessation",
    "cessation of (smoking|tobacco|cigarettes)",
    "(quit|stop|quitting|stopping|cease|discontinue) (smoking|tobacco|cigarettes)",
    "(chantix|varenicline|zyban)",
    "nicotine (patch|patches|gum|replacement|lozenge|lozenges)",
):
    _QUITTING.add(_p, "quit")
_PRODUCTS: PhraseSet[str] = PhraseSet()
for _p, _c in (
    ("(cigarette|cigarettes|pack|packs|ppd)", "F17.210"),
    ("(cigar|cigars|pipe)", "F17.290"),
    ("(chewing tobacco|chew|snuff|dip|smokeless)", "F17.220"),
):
    _PRODUCTS.add(_p, _c)
_NOT_SMOKING = frozenset(
    {"not", "never", "no", "denies", "denied", "non", "former", "ex", "quit", "stopped", "used"}
    | {"previous", "prior", "past", "remote", "nonsmoker"}
)


def _tobacco_addressed(doc: Document, found: list[Found]) -> list[Found]:
    if any(x.code.startswith(("F17", "Z72.0", "Z87.891")) for x in found):
        return []
    norms = doc.tokens.norms
    smokes: list[tuple[int, int, int]] = []  # (sentence, start, end) of a current smoker
    sentences = [sent for sent in doc.sentences if sent.section_kind != "family_history"]
    for sent in sentences:
        for m in _SMOKES.find_all(norms, sent.tok_lo, sent.tok_hi):
            before = norms[max(sent.tok_lo, m.start - 3) : m.start]
            told_past = "history of" in " ".join(before)  # not "Tobacco history: smokes"
            if not told_past and not any(w in _NOT_SMOKING for w in before):
                smokes.append((sent.index, m.start, m.end))
    if not smokes:  # most notes: the sentences are not read for quitting
        return []
    quitting = False
    for sent in sentences:
        if _QUITTING.find_all(norms, sent.tok_lo, sent.tok_hi):
            words = norms[sent.tok_lo : sent.tok_hi]
            past = "ago" in words or any(len(w) == 4 and w.isdigit() for w in words)
            if not past:
                quitting = True
                break
    if not quitting:
        return []
    code = "F17.210"  # a smoker, the product unstated: cigarettes, as the concept index says
    products = {
        m.payload
        for si, _s, _e in smokes
        for m in _PRODUCTS.find_all(norms, doc.sentences[si].tok_lo, doc.sentences[si].tok_hi)
    }
    for c in ("F17.210", "F17.290", "F17.220"):
        if c in products:
            code = c
            break
    si, lo, hi = smokes[0]
    sent = doc.sentences[si]
    s, e = doc.tokens.starts[lo], doc.tokens.ends[hi - 1]
    st = Statement(sent.start, sent.end, sent.tok_lo, sent.tok_hi, sent.section_kind, si, 0)
    return [
        Found(
            code,
            s,
            e,
            st,
            "rule",
            doc.text[s:e],
            notes=["current smoker whose smoking the visit addresses"],
            penalty=0.1,
        )
    ]


_PAST_VERBS = frozenset({"was", "were"})
# a transplant or an implant named in the procedure list is what this operation places, not a
# status the patient came with (a tracheostomy or ostomy used for access stays one)
_PLACED_HERE = ("Z94", "Z95", "Z96")


_WORD = re.compile(r"[a-z0-9]+")
_LONG_TERM = frozenset(
    {"chronic", "chronically", "long", "dependent", "dependant", "dependence", "maintenance"}
)
_PAST_WORDS = frozenset({"status", "post", "s", "p", "history", "of", "prior", "previous", "old"})


_STORY_PAST = frozenset(
    {"had", "was", "were", "became", "become", "required", "presented", "developed",
     "deteriorated", "underwent"}
)  # fmt: skip


def _story_clause(doc: Document, f: Found) -> bool:
    """Is the mention told in a past-tense story clause (from the last comma or semicolon
    before it): "the patient deteriorated ... and had become encephalopathic requiring"?"""
    lo = doc.text.rfind(",", doc.text.rfind(";", 0, f.start) + 1, f.start)
    begin = max(lo + 1, doc.text.rfind(";", 0, f.start) + 1, f.statement.start)
    return not _STORY_PAST.isdisjoint(_WORD.findall(doc.text[begin : f.start].lower()))


def _names_operation_done(mention: str, done_words: str) -> bool:
    """Do the words of a status mention (past words aside) name the operation the note's
    PROCEDURE section lists ("coronary artery bypass grafting" in both)?"""
    words = _WORD.findall(mention.lower())
    while words and words[0] in _PAST_WORDS:
        words.pop(0)
    return bool(words) and f" {' '.join(words)} " in f" {done_words} "


def _story_symptom(doc: Document, x: Found, found: list[Found]) -> bool:
    """A symptom told in a story sentence of an operative note's indication (see
    ``_STORY_VERBS``) - except the urinary symptoms of an enlarged prostate, which N40.1 asks
    to be coded besides it ("use additional code for associated symptoms")."""
    if _STORY_VERBS.isdisjoint(doc.tokens.norms[x.statement.tok_lo : x.statement.tok_hi]):
        return False
    return not (x.code.startswith("R3") and any(y.code.startswith("N40") for y in found))


def _told_in_past(doc: Document, f: Found) -> bool:
    """A drug told in the past tense of the story ("the patient was on aspirin and Plavix",
    "she was anticoagulated with Coumadin", "was placed on Coumadin postoperatively"): what
    was given then, not a long-term drug therapy now (a current list says "is on", "on")."""
    lo = doc.tokens.index_at_or_after(f.start)
    return not _PAST_VERBS.isdisjoint(doc.tokens.norms[max(f.statement.tok_lo, lo - 3) : lo])


# A malignancy the history tells as past ("history of colon cancer", "status post
# mastectomy for breast cancer", a past history list's "prostate cancer") is its personal
# history code wherever the note tells it (guideline I.C.21.c.4, Z85: the cancer excised or
# eradicated, no treatment directed to it now) - but not when the note treats that cancer now
# (its C code is coded, or the sentence tells it has spread), when the "history" is how long
# the patient has had it ("a two-year history of colon cancer"), nor a diagnosis merely told
# in the past tense of the story ("the biopsy returned showing carcinoma").
_MALIGNANCY_PAST_SECTIONS = frozenset({"pmh", "psh"})
_DURATION_WORDS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "long", "longstanding", "lengthy"}
)
_SPREAD_WORDS = ("metasta",)
_HAS_WORDS = frozenset({"has", "have", "is"})
# a hormone or targeted drug given for a cancer is current treatment however it is told
# ("has since been on tamoxifen"); chemotherapy or radiation needs a word that says now
_CANCER_DRUGS = frozenset(
    {
        "lupron", "leuprolide", "zoladex", "goserelin", "casodex", "bicalutamide", "tamoxifen",
        "arimidex", "anastrozole", "letrozole", "femara", "exemestane", "aromasin",
        "herceptin", "trastuzumab", "gleevec", "imatinib",
    }
)  # fmt: skip
_NOW_WORDS = frozenset(
    {"now", "currently", "presently", "still", "ongoing", "receiving", "undergoing"}
)
_TREATMENT_WORDS = frozenset(
    {
        "chemotherapy", "chemo", "radiation", "radiotherapy", "hormonal", "hormone", "lupron",
        "tamoxifen", "arimidex", "anastrozole", "letrozole", "femara", "treatment", "therapy",
        "injection", "injections",
    }
)  # fmt: skip
_DENIAL_WORDS = frozenset({"no", "not", "never", "denies", "denied", "without", "negative"})
# a tumour's receptor status ("triple-negative", "ER negative") denies nothing
_RECEPTOR_WORDS = frozenset({"triple", "er", "pr", "her2", "receptor", "estrogen", "progesterone"})


def _past_malignancy(doc: Document, x: Found, found: list[Found]) -> bool:
    """Is the malignancy behind the history code ``x`` told as past, and not treated now?"""
    rules = guidelines()
    if any(y.code.startswith("C") and rules.history_code(y.code) == x.code for y in found):
        return False  # the same cancer is a current diagnosis of this note
    # a curated phrase says it ("history of colon cancer"); a cancer read as past must have
    # its cue or stand in a past history list
    start, end = x.past_mention or (x.start, x.end)
    norms = doc.tokens.norms
    at = doc.tokens.index_at_or_after(start)
    if x.past_mention is not None and assertion_of(doc, start, end).cue is None:
        if x.statement.section_kind not in _MALIGNANCY_PAST_SECTIONS:
            return False  # no "history of" / "status post" / date: a story in the past tense
        if at > 0 and norms[at - 1] in _HAS_WORDS:
            return False  # a past history list's "Has prostate cancer": the patient has it now
    sent = doc.sentence_at(start)
    lo, hi = (sent.tok_lo, sent.tok_hi) if sent else (x.statement.tok_lo, x.statement.tok_hi)
    if any(n.startswith(_SPREAD_WORDS) for n in norms[lo:hi]):
        return False  # "breast cancer that has metastasized", "metastatic prostate cancer"
    if sent is not None:
        # treated now, in its sentence or the next of the same section ("Prostate cancer
        # diagnosed in 2004. He is now receiving Lupron.")
        nxt = doc.sentences[sent.index + 1] if sent.index + 1 < len(doc.sentences) else None
        told = set(norms[lo:hi])
        if nxt is not None and nxt.section_kind == sent.section_kind:
            told.update(norms[nxt.tok_lo : nxt.tok_hi])
        if not told.isdisjoint(_CANCER_DRUGS) or (
            not told.isdisjoint(_NOW_WORDS) and not told.isdisjoint(_TREATMENT_WORDS)
        ):
            return False
    if any(
        w in _DENIAL_WORDS and not (w == "negative" and k > lo and norms[k - 1] in _RECEPTOR_WORDS)
        for k, w in enumerate(norms[lo:at], lo)
    ):
        return False  # "no other personal history of breast cancer"
    return not any(
        norms[k] == "history" and k > lo and norms[k - 1] in _DURATION_WORDS
        for k in range(max(lo, at - 4), at + 1)
    )


_SECONDARY_SITES = ("C77", "C78", "C79")
# a cancer told with its treatment dated in the past, in its own sentence or the one before
# ("in 2006 had breast conservation therapy with radiation. This was for a ductal
# carcinoma"): a year, or years ago
_YEAR = re.compile(r"(19[5-9][0-9]|20[0-4][0-9])")
_AGO_UNITS = frozenset({"years", "year", "yrs"})
_REMOVAL_WORDS = ("resect", "excis", "removed", "removal")
_BACK_REFERENCE = frozenset({"this", "that", "it", "which"})
_RELATIVES = frozenset(
    {
        "mother", "father", "sister", "brother", "aunt", "uncle", "grandmother", "grandfather",
        "son", "daughter", "family", "cousin", "parents", "sibling", "siblings",
    }
)  # fmt: skip
_PAST_TREATED_WORDS = frozenset(
    {
        "underwent", "had", "treated", "radiation", "radiotherapy", "chemotherapy", "chemo",
        "lumpectomy", "conservation",
    }
)  # fmt: skip


def _dated_past_cancer(doc: Document, x: Found) -> str | None:
    """For a malignant primary told in the narrative with its treatment dated in the past:
    its personal-history code (a removal of the organ or the tumour puts it in
    ``removed_primaries`` too: the string returned is then the code, else ""). None when the
    mention is no such cancer."""
    if x.code.startswith("Z85") and x.past_mention is not None:
        history: str | None = x.code  # "history of", read already as the history code
    elif not x.code.startswith("C") or x.code.startswith(_SECONDARY_SITES):
        return None
    else:
        history = guidelines().history_code(x.code)
    if history is None:
        return None
    sent = doc.sentence_at(x.start)
    if sent is None:
        return None
    norms = doc.tokens.norms
    own = norms[sent.tok_lo : sent.tok_hi]
    if not _RELATIVES.isdisjoint(own):
        return None  # "his mother ... died of cancer of the esophagus at 86"
    spans = [(sent.tok_lo, sent.tok_hi)]
    at = doc.tokens.index_at_or_after(x.start)
    if sent.index > 0 and not _BACK_REFERENCE.isdisjoint(norms[sent.tok_lo : at]):
        # "... had breast conservation therapy in 2006. This was for a ductal carcinoma."
        prev = doc.sentences[sent.index - 1]
        if prev.section_kind == sent.section_kind:
            spans.append((prev.tok_lo, prev.tok_hi))
    for lo, hi in spans:
        words = norms[lo:hi]
        if not any(w.startswith(_SPREAD_WORDS) for w in norms[sent.tok_lo : sent.tok_hi]) and (
            any(_YEAR.fullmatch(w) for w in words)
            or any(words[i] in _AGO_UNITS and words[i + 1] == "ago" for i in range(len(words) - 1))
        ):
            removed = any(w.startswith(_REMOVAL_WORDS) or w.endswith("ectomy") for w in words)
            if removed:
                return history
            if not _PAST_TREATED_WORDS.isdisjoint(words):
                return ""
    return None


_ANGIOGRAPHIC_FINDINGS = ("I25.1",)
# an acute coronary event that sent the patient to the catheterization (NSTEMI, STEMI, acute
# coronary syndrome, unstable angina) is the condition treated at the encounter: coded beside
# the coronary disease the impression reports (I21.4 with I25.10)
_ACUTE_CORONARY = ("I21.", "I22.", "I24.", "I20.0")


def _patient_sex(doc: Document, patient: Any) -> str:
    """ "female" / "male" from the caller's patient, else from the words the note uses of
    its patient (`patient_sex:` in guidelines.yaml; the more often told wins), else ""."""
    if not isinstance(patient, dict) and patient is not None:
        patient = getattr(patient, "model_dump", lambda: {})()
    sex = str((patient or {}).get("sex") or "").lower()
    if sex in ("f", "female", "woman"):
        return "female"
    if sex in ("m", "male", "man"):
        return "male"
    rules = guidelines()
    norms = doc.tokens.norms
    female = sum(1 for _ in rules.female_words.find_all(norms))
    male = sum(1 for _ in rules.male_words.find_all(norms))
    return "female" if female > male else "male" if male > female else ""


_SITE_WINDOW = 6  # tokens around the words that tell the condition: "adhesions to the left tube"


def _procedure_conditions(doc: Document, found: list[Found], patient: Any) -> list[Found]:
    """Conditions an operation treats, told only in its procedure list (`procedure_conditions:`
    in guidelines.yaml): adhesions lysed at an abdominal operation are K66.0, at the female
    pelvic organs N73.6, when the diagnoses code none of them."""
    out: list[Found] = []
    norms = doc.tokens.norms
    listed = [s for s in doc.sentences if s.section_kind == "procedure"]
    if not listed:
        return out
    sex: str | None = None
    for pc in guidelines().procedure_conditions:
        if any(p.matches(x.code) for x in found + out for p in pc.coded):
            continue
        if any(any(True for _ in pc.not_with.find_all(norms, s.tok_lo, s.tok_hi)) for s in listed):
            continue  # a chest, spinal, joint or cesarean operation
        hit = None
        for sent in listed:
            for m in pc.procedure.find_all(norms, sent.tok_lo, sent.tok_hi):
                s, e = doc.tokens.starts[m.start], doc.tokens.ends[m.end - 1]
                if assertion_of(doc, s, e).status == "present":
                    hit = (sent, s, e)
                    break
            if hit is not None:
                break
        if hit is None:
            continue
        sent, s, e = hit
        # the site: the listed item's own words, else where the narrative tells the condition
        windows = [(sent.tok_lo, sent.tok_hi)]
        if not any(
            any(True for _ in site.when.find_all(norms, sent.tok_lo, sent.tok_hi))
            for site in pc.sites
        ):
            windows = [
                (max(t.tok_lo, m.start - _SITE_WINDOW), min(t.tok_hi, m.end + _SITE_WINDOW))
                for t in doc.sentences
                if t.section_kind != "procedure"
                for m in pc.told.find_all(norms, t.tok_lo, t.tok_hi)
                if assertion_of(doc, doc.tokens.starts[m.start], doc.tokens.ends[m.end - 1]).status
                == "present"
            ]
        code = pc.code
        for site in pc.sites:
            if not any(any(True for _ in site.when.find_all(norms, a, b)) for a, b in windows):
                continue
            if site.sex or site.unless_sex:
                sex = _patient_sex(doc, patient) if sex is None else sex
                if (site.sex and sex != site.sex) or (site.unless_sex and sex == site.unless_sex):
                    continue
            code = site.code
            break
        st = Statement(sent.start, sent.end, sent.tok_lo, sent.tok_hi, "procedure", sent.index, 0)
        note = "a condition the operation treats, told in its procedure list"
        out.append(Found(code, s, e, st, "rule", doc.text[s:e], notes=[note], penalty=0.08))
    return out


def _procedure_findings(
    doc: Document, ctx: NoteContext, read_sections: set[int], found: list[Found]
) -> list[Found]:
    """Conditions stated as present in the findings or impression of a procedure note that
    the guideline file lists as reported from what was seen (`procedure_findings:`), in a
    category the diagnoses read so far do not code. Curated phrases only."""
    rules = guidelines()
    secs = [
        i
        for i, s in enumerate(doc.sections)
        # a closing FINAL DIAGNOSES list beside the postoperative diagnosis restates the
        # findings the same way an impression does
        if s.kind in ("findings", "impression", "diagnosis") and i not in read_sections
    ]
    if not secs:
        return []
    have = {x.code[:3] for x in found}
    out: list[Found] = []
    for x in _read(ctx, statements_of(doc, secs), tabular=False)[0]:
        if x.status or not rules.is_procedure_finding(x.code) or x.code[:3] in have:
            continue
        have.add(x.code[:3])
        x.notes.append("condition seen at the procedure, stated in its findings")
        x.penalty += 0.05
        out.append(x)
    return out


def _told_birth(doc: Document) -> bool:
    norms = doc.tokens.norms
    return any(
        assertion_of(doc, doc.tokens.starts[m.start], doc.tokens.ends[m.end - 1]).status
        == "present"
        for m in _BIRTH.find_all(norms)
    )


def _delivery_narrative(doc: Document, ctx: NoteContext) -> list[Found]:
    """A delivery note that states no obstetric diagnosis tells the delivery's complications
    in its story ("a second-degree tear was repaired", "meconium-stained fluid", "nuchal cord
    x1"): its curated chapter 15 conditions; with none, a vaginal delivery is O80 (guideline
    I.C.15.b.4; trimester, weeks and outcome are added by the obstetric conventions)."""
    facts = pregnancy_facts(doc, "procedure")
    if facts is None or not facts.delivery or not _told_birth(doc):
        return []
    secs = [i for i, s in enumerate(doc.sections) if s.kind in _DELIVERY_STORY_KINDS]
    found = [
        x
        for x in _read(ctx, statements_of(doc, secs), tabular=False)[0]
        if x.code.startswith("O") and not x.code.startswith(("O80", "O09", "O0"))
    ]
    for x in found:
        x.notes.append("complication told in the delivery narrative")
        x.penalty += 0.08
    if found or facts.delivery_span is None or _CESAREAN.find_all(doc.tokens.norms):
        return found
    if _INSTRUMENTAL.find_all(doc.tokens.norms):
        return []  # a forceps or vacuum delivery is not the uncomplicated O80
    if facts.weeks is not None and facts.weeks < 37:
        return []  # O80 is a full-term delivery; a preterm one is O60.1- (added by the weeks)
    lo, hi = facts.delivery_span
    sent = doc.sentence_at(lo)
    if sent is None:
        return []
    st = Statement(sent.start, sent.end, sent.tok_lo, sent.tok_hi, sent.section_kind, sent.index, 0)
    note = "vaginal delivery with no complication documented"
    return [Found("O80", lo, hi, st, "rule", "delivery", notes=[note], penalty=0.12)]


_MAX_PLAN_HEAD_TOKENS = 6


def _plan_problem_heads(doc: Document) -> list[Statement]:
    """The short first sentence of each numbered item of a plan or recommendations list
    ("3. Hyperkalemia."): the problem the item addresses. Longer sentences of a plan tell
    what will be done and are not read."""
    secs = [i for i, sec in enumerate(doc.sections) if sec.kind == "plan"]
    if not secs:
        return []
    text = doc.text
    heads = []
    for st in statements_of(doc, secs):
        lead = text[st.start : st.end].lstrip()
        number = len(lead) - len(lead.lstrip("0123456789"))
        if not 0 < number <= 2 or lead[number : number + 1] not in (".", ")"):
            continue
        lo = doc.tokens.index_at_or_after(st.start)
        while lo < st.tok_hi and doc.tokens.norms[lo].isdigit():
            lo += 1
        if 0 < st.tok_hi - lo <= _MAX_PLAN_HEAD_TOKENS:
            heads.append(st)
    return heads


# The condition a visit follows, told in the history as the reason for the visit ("I am
# following the patient today for immune thrombocytopenia", "who I have been following for her
# pancytopenia", "the problem of essential hypertension", "in for a followup of her atrial
# fibrillation"): the reason for the encounter (guideline IV.D), though the assessment only
# tells how it goes ("Stable. Continue the taper."). Only the few words after the cue are
# read, curated diagnoses only; a past treatment ("was treated for pneumonia") is no cue.
_FOLLOWED_FOR: PhraseSet[int] = PhraseSet()
for _phrase in (
    "(following|followed) (the patient|patient|her|him|this patient)? (today|here|now|again"
    "|closely|regularly)? (in clinic|in the clinic|in the office)? for (her|his|the|a|an)?",
    "(seen|seeing) (the patient|patient|her|him|this patient)? (today|again) (in clinic|in the"
    " clinic|in the office)? for (her|his|the|a|an)?",
    "(follow up|followup|recheck|reevaluation|re evaluation) (visit|evaluation|appointment)?"
    " (of|for|regarding) (her|his|the|a|an)?",
    "(with|for) the problem of",
):
    _FOLLOWED_FOR.add(_phrase, 0)
_FOLLOWED_KINDS: Final = frozenset({"hpi", "chief_complaint", "history"})
_FOLLOWED_REACH: Final = 8  # tokens read after the cue


def _followed_for(doc: Document, ctx: NoteContext, found: list[Found]) -> list[Found]:
    """The conditions a visit's history says the patient is followed for, when the coded
    diagnoses hold none of their block: the history may name the assessment's diagnosis
    another way ("follow up of an irregular heartbeat" for "atrial fibrillation"). Signs and
    symptoms followed are left to the assessment, whose diagnoses may explain them."""
    t = doc.tokens
    have = {y.code[:2] for y in found}
    out: list[Found] = []
    for s in doc.sentences:
        if s.section_kind not in _FOLLOWED_KINDS:
            continue
        for m in _FOLLOWED_FOR.find_all(t.norms, s.tok_lo, s.tok_hi):
            hi = min(s.tok_hi, m.end + _FOLLOWED_REACH)
            if hi <= m.end:
                continue
            st = Statement(t.starts[m.end], t.ends[hi - 1], m.end, hi, s.section_kind, s.index, 0)
            for x in read_statement(ctx, st, tabular=False)[0]:
                if not x.status and not x.code.startswith("R") and x.code[:2] not in have:
                    x.notes.append("condition the visit follows, told in the history")
                    x.penalty += 0.1
                    out.append(x)
                    have.add(x.code[:2])
    return out


_HPI_OPENING = 2


# a hospital stay told as over ("she was hospitalized over the weekend for DKA"): its reason is
# the episode treated there, not why the patient comes now
PAST_STAY: Final = re.compile(
    r"\b(?:was|were|had been|has been|been)\s+(?:recently\s+|just\s+)?hospitali[sz]ed\b", re.I
)


def _hpi_opening(doc: Document) -> list[Statement]:
    """The first sentences of the history of present illness (who the patient is and why
    she comes), when they are short enough to be a reason rather than a story - not one that
    tells a hospital stay now over."""
    secs = [i for i, sec in enumerate(doc.sections) if sec.kind == "hpi"][:1]
    stmts = statements_of(doc, secs)[:_HPI_OPENING] if secs else []
    return [
        st
        for st in stmts
        if st.tok_hi - st.tok_lo <= 2 * MAX_FALLBACK_TOKENS
        and not PAST_STAY.search(doc.text[st.start : st.end])
    ]


def _procedure_titles(doc: Document) -> list[Statement]:
    """The names of the operations performed: the first statement of each procedure
    section and its numbered items - not the narrative that may follow under the same
    heading ("adhesions were lysed" is a step, not a diagnosis)."""
    out: list[Statement] = []
    for i, sec in enumerate(doc.sections):
        if sec.kind != "procedure":
            continue
        for k, st in enumerate(statements_of(doc, [i])):
            lead = doc.text[st.start : st.end].lstrip()
            if k == 0 or lead[:1].isdigit():
                out.append(st)
    return out


_PLAN_ACTIONS = frozenset(
    {
        "check", "checked", "continue", "continued", "start", "started", "stop", "stopped",
        "encourage", "encouraged", "discuss", "discussed", "stressed", "recommend",
        "recommended", "order", "ordered", "obtain", "repeat", "refer", "referred", "follow",
        "return", "schedule", "scheduled", "counsel", "counseled", "advised", "increase",
        "decrease", "add", "added", "monitor", "test", "testing", "screen", "screening",
        "rule", "avoid", "diet", "exercise", "education", "prophylaxis", "precautions",
    }
)  # fmt: skip


def _names_problem(doc: Document, f: Found) -> bool:
    """A plan item head that is the name of a problem ("Hypertension, uncontrolled"), not
    an action about it ("Check HIV", "Encouraged weight loss")."""
    st = f.statement
    lo = doc.tokens.index_at_or_after(st.start)
    words = [w for w in doc.tokens.norms[lo : st.tok_hi] if not w.isdigit()]
    if not words or any(w in _PLAN_ACTIONS for w in words):
        return False
    mention = doc.tokens.index_at_or_after(f.start), doc.tokens.index_before(f.end)
    return 2 * (mention[1] - mention[0]) >= len(words)


_TITLE_TOKENS = 8


def _procedure_reason(doc: Document) -> list[Found]:
    """A note with no diagnosis at all, whose procedure is its own reason (a routine
    circumcision is Z41.2): the encounter code from the title or the procedure list."""
    where = set(title_sentences(doc))
    where.update(s.index for s in doc.sentences if s.section_kind == "procedure")
    # a note with neither a title nor a list tells its operation in the narrative (a
    # titled epididymectomy that divides the vas is no sterilization); a long first
    # sentence taken for the title is narrative, not a title
    titled = any(
        doc.sentences[si].section_kind == "procedure"
        or doc.sentences[si].tok_hi - doc.sentences[si].tok_lo <= _TITLE_TOKENS
        for si in where
    )
    passes = [(sorted(where), "phrases")]
    if not titled:
        passes.append((list(range(len(doc.sentences))), "narrative"))
    for sentences, key in passes:
        found = _procedure_reason_in(doc, sentences, key)
        if found:
            return found
    return []


def _procedure_reason_in(doc: Document, sentences: list[int], key: str) -> list[Found]:
    """The first present mention of each rule's procedure: an operation list that names two
    procedures (a carotid endarterectomy and a coronary bypass) reports both reasons."""
    norms = doc.tokens.norms
    out: list[Found] = []
    for rule in guidelines().procedure_reasons:
        phrases = rule.phrases if key == "phrases" else rule.narrative
        hit = _first_present(doc, phrases, sentences, norms)
        if hit is None:
            continue
        s, e, si = hit
        sent = doc.sentences[si]
        st = Statement(sent.start, sent.end, sent.tok_lo, sent.tok_hi, "procedure", si, 0)
        side = sides_summary(sides(doc, sent.start, sent.end)) if rule.sides else None
        out.append(
            Found(
                rule.sides.get(side or "", rule.code),
                s,
                e,
                st,
                "rule",
                doc.text[s:e],
                notes=["no diagnosis documented: the procedure is the reason"],
                penalty=0.1,
            )
        )
    return out


def _first_present(
    doc: Document, phrases: PhraseSet[int], sentences: list[int], norms: Sequence[str]
) -> tuple[int, int, int] | None:
    for si in sentences:
        sent = doc.sentences[si]
        for m in phrases.find_all(norms, sent.tok_lo, sent.tok_hi):
            s, e = doc.tokens.starts[m.start], doc.tokens.ends[m.end - 1]
            if assertion_of(doc, s, e).status == "present":
                return s, e, si
    return None


_OPEN_FRACTURE: PhraseSet[str] = PhraseSet()
for _p, _c in (
    ("(open|compound) ~6 fracture*", "B"),
    ("fracture* ~5 (open|compound)", "B"),
    ("(open|compound) (grade|type) (i|ii|1|2)", "B"),
    ("gustilo (grade|type)? (i|ii|1|2)", "B"),
    ("(grade|type) (iii|3|iiia|iiib|iiic|3a|3b|3c) (open|compound)", "C"),
    ("(open|compound) ~4 (grade|type) (iii|3|iiia|iiib|iiic|3a|3b|3c)", "C"),
    ("gustilo (grade|type)? (iii|3|iiia|iiib|iiic|3a|3b|3c)", "C"),
):
    _OPEN_FRACTURE.add(_p, _c)
# "open" of an operation is no open fracture ("open reduction of the fracture")
_OPEN_OPERATION = frozenset(
    {"reduction", "treatment", "fixation", "approach", "repair", "procedure", "orif", "surgery"}
)


def _open_word_of_operation(norms: Sequence[str], lo: int, hi: int) -> bool:
    return any(
        norms[i] in ("open", "compound") and i + 1 < len(norms) and norms[i + 1] in _OPEN_OPERATION
        for i in range(lo, hi)
    )


# the 7th character of a subsequent encounter for an open fracture (type I/II, type III)
_OPEN_EPISODE = {
    "A": ("B", "C"),
    "D": ("E", "F"),
    "G": ("H", "J"),
    "K": ("M", "N"),
    "P": ("Q", "R"),
}
_EPISODE_NOTES = {
    "B": "open fracture",
    "C": "open fracture type III",
    "D": "subsequent encounter",
    "E": "open fracture, subsequent encounter",
    "F": "open fracture type III, subsequent encounter",
    "G": "subsequent encounter, delayed healing",
    "H": "open fracture, delayed healing",
    "J": "open fracture type III, delayed healing",
    "K": "subsequent encounter, nonunion",
    "M": "open fracture, nonunion",
    "N": "open fracture type III, nonunion",
    "P": "subsequent encounter, malunion",
    "Q": "open fracture, malunion",
    "R": "open fracture type III, malunion",
    "S": "sequela",
}


def _injury_episode(doc: Document, ctx: NoteContext, icd: Any, f: Found) -> None:
    """The 7th character of an injury code written with 'A' (or with the note's episode):
    a fracture's healing problem said with it (nonunion K, malunion P, delayed healing G -
    else said once in the note), a sequela S, a subsequent encounter D, and for an open
    fracture its open variant (B, or C for type III of a long bone; E/F, H/J, M/N, Q/R
    after the first encounter); only a valid code is used."""
    code = f.code
    if not code.startswith(("S", "T")) or len(code) < 8 or code[-1] not in ("A", ctx.seventh):
        return
    rec = icd.get(code)
    fracture = rec is not None and "fracture" in rec.description.lower()
    st = f.statement
    letter = f.episode
    if not letter and any(c == "S" and st.start <= s < st.end for s, _e, c in ctx.healing):
        letter = "S"  # "Ankle sprain, sequela": said with this diagnosis
    if not letter and fracture:
        here = {c for s, _e, c in ctx.healing if st.start <= s < st.end and c in _HEALING}
        letter = here.pop() if len(here) == 1 else ""
    if not letter and ctx.seventh != "A":
        letter = ctx.seventh
    if not letter and fracture:
        anywhere = {c for _s, _e, c in ctx.healing if c in _HEALING}
        letter = anywhere.pop() if len(anywhere) == 1 else ""
    letter = letter or "A"
    if letter in _HEALING and not fracture:
        letter = "D"
    wanted = [letter, "D"] if letter in _HEALING else [letter]
    if fracture and letter in _OPEN_EPISODE:
        hits = _OPEN_FRACTURE.find_all(doc.tokens.norms, st.tok_lo, st.tok_hi)
        present = {
            m.payload
            for m in hits
            if not _open_word_of_operation(doc.tokens.norms, m.start, m.end)
            and assertion_of(doc, doc.tokens.starts[m.start], doc.tokens.ends[m.end - 1]).status
            in (("present", "historical") if f.episode else ("present",))
        }
        type_1, type_3 = _OPEN_EPISODE[letter]
        if "C" in present:
            wanted = [type_3, type_1, *wanted]
        elif present:
            wanted = [type_1, *wanted]
    for char in wanted:
        alt = code[:-1] + char
        if icd.is_billable(alt):
            if alt != code:
                f.notes.append(_EPISODE_NOTES.get(char, char))
                f.code = alt
            return


def _short(doc: Document, start: int, end: int) -> bool:
    """A section of a few words (a report's exam title), not a narrative."""
    return doc.tokens.index_before(end) - doc.tokens.index_at_or_after(start) <= _TITLE_TOKENS


def _nondisplaced(doc: Document, icd: Any, f: Found) -> None:
    """A fracture its statement calls nondisplaced ("Nondisplaced fracture of the left fifth
    metatarsal") takes the nondisplaced code: coders assume displaced only when the note does
    not say (guideline I.C.19.c.1). The tabular list puts the nondisplaced twin three places on
    in the sixth character (S92.352A -> S92.355A); its title is checked to be the twin."""
    code = f.code
    if not code.startswith("S") or len(code) < 7:
        return
    rec = icd.get(code)
    if rec is None or not rec.description.startswith("Displaced "):
        return
    st = f.statement
    norms = doc.tokens.norms
    said_non = said_displaced = False
    for i in range(st.tok_lo, st.tok_hi):
        w = norms[i]
        if w in ("nondisplaced", "undisplaced"):
            said_non = True
        elif w == "displaced":
            if i > st.tok_lo and norms[i - 1] == "non":
                said_non = True
            else:
                said_displaced = True
    if not said_non or said_displaced:
        return
    digit = code[6]
    if digit not in "123":
        return
    alt = code[:6] + str(int(digit) + 3) + code[7:]
    twin = icd.get(alt)
    want = "Nondisplaced " + rec.description[len("Displaced ") :]
    if twin is not None and twin.billable and twin.description == want:
        f.notes.append("nondisplaced")
        f.code = alt


_BOTH_WORDS: Final = frozenset({"bilateral", "bilaterally", "both"})
_BOTH_REACH: Final = 2  # words between the diagnosis and "bilateral" / "both"
# the plural of a paired body part said with the diagnosis tells both sides too ("abrasions of
# the knees", "edema of the lower extremities"); not fingers or toes (one hand has several)
_PAIRED_PLURALS: Final = frozenset(
    {
        "eyes", "ears", "breasts", "kidneys", "ovaries", "testes", "testicles", "buttocks",
        "shoulders", "arms", "elbows", "forearms", "wrists", "hands", "hips", "thighs", "knees",
        "legs", "calves", "ankles", "feet", "heels", "extremities", "axillae", "groins",
    }
)  # fmt: skip
_UNSPECIFIED_WORD = re.compile(r"\bunspecified\b")


def _both_sides(doc: Document, icd: Any, found: list[Found]) -> list[Found]:
    """A diagnosis its statement tells on both sides ("Abrasions of both knees", "Bilateral
    trigger thumbs") that the tabular list codes by side with no bilateral code: the right and
    the left code, not the unspecified side (guideline I.B.13). The side codes are the
    unspecified code's siblings whose titles say "right" / "left" in its place; where a sibling
    says "bilateral" instead, that one code."""
    out: list[Found] = []
    for f in found:
        out.append(f)
        rec = icd.get(f.code)
        if rec is None or "unspecified" not in rec.description:
            continue
        # the word for both sides said with this diagnosis ("bilateral trigger thumbs",
        # "abrasions of both knees"), not with another part of the statement ("lung cancer
        # with metastases to both femurs")
        t = doc.tokens
        lo = max(f.statement.tok_lo, t.index_at_or_after(f.start) - _BOTH_REACH)
        hi = min(f.statement.tok_hi, t.index_before(f.end) + 1 + _BOTH_REACH)
        said = t.norms[lo:hi]
        if _BOTH_WORDS.isdisjoint(said) and _PAIRED_PLURALS.isdisjoint(said):
            continue
        seventh = ""
        base = rec
        if rec.kind == "extension" and rec.parent:
            base, seventh = icd.get(rec.parent), f.code[-1]
        if base is None or base.parent is None:
            continue
        titles = {}
        for code in icd.children(base.parent):
            sib = icd.get(code)
            if sib is not None:
                titles[sib.description] = sib.code
        both = _bilateral_sibling(base.description, titles)
        if both is not None and icd.is_billable(both):
            # the tabular has a code for both sides ("Unspecified hearing loss, bilateral")
            f.code = _seventh_char(both, seventh) if seventh else both
            f.notes.append("both sides: the bilateral code")
            continue
        for pair in _side_pairs(base.description, titles):
            codes = [_seventh_char(c, seventh) if seventh else c for c in pair if c is not None]
            if len(codes) == 2 and all(icd.is_billable(c) for c in codes):
                f.code = codes[0]
                f.notes.append("both sides, no bilateral code: the right and the left code")
                other = _copy_found(f)
                other.code = codes[1]
                out.append(other)
                break
    return out


def _side_pairs(title: str, titles: dict[str, str]) -> list[list[str | None]]:
    """The right and left siblings of an unspecified-side title: "right" / "left" in the
    place of "unspecified" ("Pain in unspecified knee" -> "Pain in right knee"), or, for a
    title that puts the word last ("Pain in leg, unspecified"), before a word of the part
    ("Pain in right leg")."""
    pairs: list[list[str | None]] = []
    for m in _UNSPECIFIED_WORD.finditer(title):
        pairs.append(
            [titles.get(title[: m.start()] + side + title[m.end() :]) for side in ("right", "left")]
        )
    if title.endswith(", unspecified"):
        head = title[: -len(", unspecified")]
        for m in re.finditer(r"(?<= )\w", head):
            pairs.append(
                [
                    titles.get(head[: m.start()] + side + " " + head[m.start() :])
                    for side in ("right", "left")
                ]
            )
    return pairs


def _bilateral_sibling(title: str, titles: dict[str, str]) -> str | None:
    """The sibling whose title says "bilateral" where the unspecified code's says
    "unspecified" or "unspecified <part>" ("..., unspecified ear" -> "..., bilateral"), also
    with the part in the plural ("... of unspecified carotid artery" -> "... of bilateral
    carotid arteries")."""
    for m in _UNSPECIFIED_WORD.finditer(title):
        head, tail = title[: m.start()], title[m.end() :]
        part = re.match(r"\s+\w+", tail)
        for rest in (tail, tail[part.end() :] if part else None, plural_part(tail)):
            if rest is not None and (head + "bilateral" + rest) in titles:
                return titles[head + "bilateral" + rest]
    return None


def _seventh_char(code: str, char: str) -> str:
    plain = code.replace(".", "")
    plain = plain + "X" * (6 - len(plain)) + char
    return f"{plain[:3]}.{plain[3:]}"


def _copy_found(f: Found) -> Found:
    copied = object.__new__(Found)
    copied.__dict__.update(f.__dict__)
    copied.notes = list(f.notes)
    copied.more = list(f.more)
    return copied


def _finish(
    doc: Document, kb: Any, icd: Any, ctx: NoteContext, found: list[Found], patient: Any
) -> list[dict[str, Any]]:
    by_code: dict[str, Found] = {}
    order: list[str] = []
    for f in _both_sides(doc, icd, found):
        _nondisplaced(doc, icd, f)
        _injury_episode(doc, ctx, icd, f)
        rec = icd.get(f.code)
        if rec is None or not rec.billable:
            continue
        if f.code.startswith(("V", "W", "X", "Y")):
            continue  # external causes are never reported (house rule)
        if f.code not in by_code:
            by_code[f.code] = f
            order.append(f.code)
    rules = guidelines()
    order = _diabetes_type(order, by_code, icd)
    for old, sided in side_of_same_part(order, icd).items():
        # the side the note tells for the same part on its other diagnoses (I.B.13)
        f = by_code.pop(old)
        f.code = sided
        f.notes.append("side told for the same part on the other diagnoses")
        order = [sided if c == old else c for c in order if c != sided or c == old]
        by_code.setdefault(sided, f)
    for both, (right, left) in bilateral_of_pairs(order, icd).items():
        # the same condition coded on each side: the bilateral code where one exists (I.B.13)
        f = by_code.pop(right)
        by_code.pop(left, None)
        f.code = both
        f.notes.append("told on the right and on the left: the bilateral code")
        order = [both if c == right else c for c in order if c == right or c not in (left, both)]
        by_code[both] = f

    def note_says(
        phrases: PhraseSet[int],
        unless: PhraseSet[int] | None = None,
        story: bool = False,
        not_in_reports: bool = False,
    ) -> bool:
        found = ctx.note_has(phrases, unless, story=story, not_in_reports=not_in_reports)
        return found is not None

    codes, made = apply_combinations(
        rules.combinations, order, note_says, rules.combination_openers
    )
    for new, applied in made.items():
        src = next((by_code[c] for c in applied.removed if c in by_code), None)
        if src is None:  # an added code: the statement of a diagnosis the rule fired on
            src = next((by_code[c] for c in applied.matched if c in by_code), None)
        if src is None:
            src = next((by_code[c] for c in order if c in by_code), None)
        if src is not None and new not in by_code:
            by_code[new] = Found(
                new,
                src.start,
                src.end,
                src.statement,
                "rule",
                src.name,
                notes=[f"combination rule: {applied.rule}"],
                penalty=src.penalty + 0.03,
            )
    codes = [c for c in codes if c in by_code and icd.is_billable(c)]
    codes = [c for c in codes if rules.integral_to(c, codes) is None]
    # a code a rule adds beside the ones it fired on (I25.84 for a calcified lesion with
    # I25.119) is a further code, not a more specific one for the same words
    added = frozenset(new for new, applied in made.items() if not applied.removed)
    codes = _unspecified_duplicates(codes, icd, by_code, added)
    codes = _side_beside_bilateral(codes, icd)
    codes, _dropped = _excludes1(codes, icd, by_code)
    codes = _obstetric(doc, icd, ctx, codes, by_code, patient)
    codes = _age_sex(codes, kb, patient)
    codes = _code_first(_sequence(codes, by_code), icd)
    out: list[dict[str, Any]] = []
    for i, code in enumerate(codes):
        f = by_code[code]
        lo, hi = _quote(doc, f)
        rec = icd.get(code)
        title = rec.description if rec else ""
        out.append(
            {
                "code": code,
                "sequence": "first_listed" if i == 0 else "secondary",
                "evidence": doc.text[lo:hi],
                "confidence": _confidence(f, title),
                "rationale": _rationale(f, code, title),
            }
        )
    return out


def _obstetric(
    doc: Document,
    icd: Any,
    ctx: NoteContext,
    codes: list[str],
    by_code: dict[str, Found],
    patient: Any,
) -> list[str]:
    """Chapter 15 conventions: trimester, conditions in pregnancy, Z3A weeks, Z37 outcome."""
    facts = pregnancy_facts(doc, note_type(doc))
    if facts is None:
        return codes
    sex = ""
    if isinstance(patient, dict):
        sex = str(patient.get("sex") or "").lower()
    new_codes, notes = obstetric_adjustments(codes, icd, facts, sex)
    originals = [c for c in codes if c not in new_codes]
    for code in new_codes:
        if code in by_code:
            continue
        src = None
        span: tuple[int, int] | None
        if code.startswith(("Z3A", "O48", "O60")) and facts.weeks_span:
            span = facts.weeks_span
        elif code.startswith("Z37") and facts.delivery_span:
            span = facts.delivery_span
        else:
            src = next((by_code[o] for o in originals if o in by_code), None)
            if src is None:
                # a condition kept beside its chapter 15 code ("use additional code") is its source
                src = next(
                    (
                        by_code[c]
                        for c in codes
                        if c in by_code
                        and (target := in_pregnancy_target(c)) is not None
                        and code.startswith(target[:5])
                    ),
                    None,
                )
            span = (src.start, src.end) if src else None
        if src is None and span is not None:
            sent = doc.sentence_at(span[0])
            if sent is None:
                continue
            st = Statement(
                sent.start,
                sent.end,
                sent.tok_lo,
                sent.tok_hi,
                sent.section_kind,
                sent.index,
                10_000,
            )
            src = Found(code, span[0], span[1], st, "rule", doc.text[span[0] : span[1]][:60])
        if src is None:
            continue
        by_code[code] = Found(
            code,
            src.start,
            src.end,
            src.statement,
            "rule",
            src.name,
            notes=[*src.notes, notes.get(code, "obstetric convention")],
            penalty=src.penalty + 0.04,
        )
    return [c for c in new_codes if c in by_code]


_SEPSIS_CODES = ("A40", "A41", "A02.1", "A22.7", "A26.7", "A32.7", "A42.7", "A54.86", "B37.7")
# a burn's or corrosion's extent (T31/T32) is the primary code only when no site is coded; with
# the site codes (T20-T25) it is their supplementary code, after them (tabular note at T31/T32,
# guideline I.C.19.d.5)
_BURN_EXTENT = ("T31", "T32")
_BURN_SITES = ("T20", "T21", "T22", "T23", "T24", "T25")


# the encounter's reason that is sequenced before what the visit finds: screening (Z12, guideline
# I.C.21.c.5) and the follow-up examination after completed treatment (Z09, I.C.21.c.8: "the
# follow-up code is sequenced first, followed by the history code")
_ENCOUNTER_FIRST = ("Z12.", "Z09")


def _sequence(codes: list[str], by_code: dict[str, Found]) -> list[str]:
    """Screening or a follow-up examination first; then diagnoses in statement order; symptoms,
    then status codes last."""

    position = {c: 2 * i for i, c in enumerate(codes)}
    # severe sepsis and septic shock (R65.1-/R65.2-) follow the systemic infection that causes
    # them (guideline I.C.1.d.1.a)
    infections = [position[c] for c in codes if c.startswith(_SEPSIS_CODES)]
    if infections:
        for c in codes:
            if c.startswith(("R65.1", "R65.2")):
                position[c] = max(infections) + 1

    sites = [position[c] for c in codes if c.startswith(_BURN_SITES)]
    if sites:
        for c in codes:
            if c.startswith(_BURN_EXTENT):
                position[c] = max(sites) + 1

    def rank(code: str) -> tuple[int, int, int]:
        f = by_code[code]
        if code.startswith(_ENCOUNTER_FIRST):
            group = 0
        elif f.status or code.startswith(("Z79", "Z8", "Z9")):
            group = 3
        elif code.startswith("R"):
            group = 2
        else:
            group = 1
        primary = 0 if f.statement.section_kind not in ("preop_dx", "indications") else 1
        return (group if group != 2 else 1 + primary, position[code], f.start)

    first = codes[0] if codes else None
    if first is not None and sites and first.startswith(_BURN_EXTENT):
        first = next(c for c in codes if c.startswith(_BURN_SITES))
    ordered = sorted(codes, key=rank)
    # the first statement of the diagnosis section is the reason for the encounter, unless it
    # is only a symptom or a factor (or a screening reason comes first)
    if (
        first is not None
        and not ordered[0].startswith(_ENCOUNTER_FIRST)
        and first != ordered[0]
        and not first.startswith(("R", "Z"))
    ):
        ordered.remove(first)
        ordered.insert(0, first)
    return ordered


def _code_first(codes: list[str], icd: Icd10cmCodeSet) -> list[str]:
    """A code whose tabular entry says "code first" another condition follows that condition
    when both are reported (I25.84, a calcified coronary lesion, after I25.10; I69.391 after
    nothing, as its note names no code here)."""
    out = list(codes)
    for code in codes:
        refs = [
            ref
            for key in icd.ancestors(code)
            if not key.startswith(("section:", "chapter:"))
            for rec in [icd.get(key)]
            if rec is not None
            for note in rec.code_first
            for ref in parse_code_refs(note)
        ]
        if not refs:
            continue
        at = out.index(code)
        for other in [c for c in out[at + 1 :] if c != code]:
            key = other.replace(".", "")
            if any(key[: len(lo)] >= lo and key[: len(hi)] <= hi for lo, hi in refs):
                out.remove(other)
                out.insert(at, other)
                at += 1
    return out


def _confidence(f: Found, title: str) -> float:
    score = _BASE_CONFIDENCE.get(f.statement.section_kind, 0.72)
    if f.how == "index":
        score += 0.03
    elif f.how == "tabular":
        score -= 0.08 + (1.0 - min(1.0, f.score)) * 0.5
    if "unspecified" in title.lower():
        score -= 0.03
    score -= f.penalty
    return round(min(0.97, max(0.3, score)), 2)


def _rationale(f: Found, code: str, title: str) -> str:
    where = SECTION_LABELS.get(f.statement.section_kind, f.statement.section_kind)
    how = {
        "index": "documented as",
        "tabular": "matches the tabular title for",
        "rule": "combined by guideline from",
    }[f.how]
    text = f"{where.capitalize()} {how} '{f.name}': {code} {title}."
    if f.notes:
        text += " " + "; ".join(dict.fromkeys(f.notes)).capitalize() + "."
    return text


def statement_codes(
    doc: Document,
    kinds: frozenset[str],
    date_of_service: date | None = None,
    *,
    tabular: bool = True,
) -> list[tuple[tuple[int, int], list[str]]]:
    """Each diagnosis statement of the sections of ``kinds`` with the codes read from it
    (before guideline rules): what the E/M leveler counts as problems addressed.
    ``tabular=False`` reads only the curated phrases (for narrative sections)."""
    icd = note_knowledge(doc, date_of_service).icd10cm
    ctx = _context(doc, note_type(doc), icd)
    secs = [i for i, s in enumerate(doc.sections) if s.kind in kinds]
    out: list[tuple[tuple[int, int], list[str]]] = []
    for st in statements_of(doc, secs):
        found, _ = read_statement(ctx, st, tabular=tabular)
        out.append(((st.start, st.end), [f.code for f in found]))
    return out


_ANYWHERE: dict[tuple[int, int], frozenset[str]] = {}


def _anywhere_codes(concepts: ConceptIndex, rules: Guidelines) -> frozenset[str]:
    """Codes reported wherever the note documents them: concepts marked ``anywhere`` and the
    status codes of ``status_anywhere`` (devices, transplants, ostomies, dialysis, long-term
    drugs). The same for every note, so computed once per loaded index."""
    key = (id(concepts), id(rules))
    found = _ANYWHERE.get(key)
    if found is None:
        # a concept marked ``anywhere`` counts by its own phrases ("code|first phrase"): the
        # current smoker of a social history ("smokes a pack a day"), not every concept of
        # its code ("smoking" in "quit smoking")
        # (and a code it refines to: "Active smoker" with "a pack a day" is F17.210; not its
        # `also` codes - "ESRD on dialysis" in a history is the dialysis status only)
        codes = {
            f"{code}|{c.name}"
            for c in concepts.concepts
            if c.anywhere
            for code in (c.code, *(r.code for r in c.refine if r.code))
        }
        if rules.status_anywhere:
            codes |= {
                code
                for c in concepts.concepts
                for code in c.all_codes()
                if rules.is_status_anywhere(code)
            }
        found = _ANYWHERE[key] = frozenset(codes)
    return found
