"""The three elements of medical decision making, read from a visit note.

* Problems addressed: each assessment item is classified (threat to life, chronic illness with
  exacerbation, stable chronic illness, undiagnosed new problem, acute illness with systemic
  symptoms, acute uncomplicated, self-limited) from its words and its ICD-10-CM code.
* Data: distinct tests ordered or reviewed, external notes, an independent historian (category
  1), independent interpretation (category 2), discussion with an external physician
  (category 3).
* Risk: the most serious management option documented (admission, prescription drug
  management, over-the-counter drugs, rest and fluids).

Every element keeps the sentence that set it, so the level can be quoted.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from agentkit.coding.engine.em.cues import Cues
from agentkit.coding.engine.text.attributes import told_of_a_relative
from agentkit.coding.engine.text.document import Document, assertion_of
from agentkit.coding.engine.text.phrases import PhraseSet

__all__ = ["Element", "Problem", "data_element", "problem_element", "risk_element", "total_minutes"]

_COUNTED = ("present", "hypothetical", "uncertain")
# minutes spent in a procedure are its own time, not the visit's
_PROCEDURE_TIME = frozenset({"procedure", "procedures", "surgery", "operation", "operating"})
_TIME_WORDS = frozenset(
    {
        "total",
        "spent",
        "face",
        "counseling",
        "counselling",
        "coordination",
        "time",
        "visit",
        "encounter",
    }
)


@dataclass
class Element:
    """One MDM element: its level (0-3), its name for that level, and the quote behind it."""

    level: int
    name: str
    span: tuple[int, int] | None = None
    detail: list[str] = field(default_factory=list)


@dataclass
class Problem:
    # threat | exacerbation | malignancy | stable | new_uncertain | systemic | acute | self_limited
    kind: str
    span: tuple[int, int]
    code: str = ""  # the ICD-10-CM code it was read as, if any


def _hits(
    doc: Document, phrases: PhraseSet[tuple[str, int]], lo: int, hi: int, statuses: tuple[str, ...]
) -> list[tuple[str, int, tuple[int, int]]]:
    """(list name, item index, char span) of the cues in tokens ``[lo, hi)`` with a counted
    assertion status."""
    return [(n, i, sp) for n, i, sp, _ in _hits_with_status(doc, phrases, lo, hi, statuses)]


def _hits_with_status(
    doc: Document, phrases: PhraseSet[tuple[str, int]], lo: int, hi: int, statuses: tuple[str, ...]
) -> list[tuple[str, int, tuple[int, int], str]]:
    """Like ``_hits``, with each cue's assertion status."""
    out = []
    t = doc.tokens
    matches = phrases.find_all(t.norms, lo, hi)
    matches.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: set[int] = set()
    for m in matches:
        # the longest cue wins its words: "antibiotic ointment" is not "antibiotic"
        if any(i in taken for i in range(m.start, m.end)):
            continue
        taken.update(range(m.start, m.end))
        s, e = t.starts[m.start], t.ends[m.end - 1]
        status = assertion_of(doc, s, e).status
        if status in statuses:
            out.append((m.payload[0], m.payload[1], (s, e), status))
    return out


# which assertion statuses count for each kind of problem cue: a past threat ("history of GI
# bleed in 1995") is no threat now, while a threat to be ruled out ("we will rule out a
# pulmonary embolism") is addressed now; a flare only "if it worsens" is none
_PROBLEM_STATUSES = ("present", "uncertain", "historical", "hypothetical")
_STATUSES_OF = {
    "threat": ("present", "uncertain", "hypothetical"),
    "new_uncertain": ("present", "uncertain", "hypothetical"),
}


def _told_as_past(doc: Document, lo: int, at: int) -> bool:
    """'History of GI bleed in 1995', 'status post pulmonary embolism': the words before a cue
    in its item tell it as a past event."""
    words = doc.tokens.norms[max(lo, at - 6) : at]
    pairs = set(pairwise(words))
    return bool(pairs & {("history", "of"), ("status", "post"), ("h", "o"), ("s", "p")})


_RISK_WORDS = frozenset({"risk", "risks", "complication", "complications"})


def _risk_told(doc: Document, lo: int, at: int) -> bool:
    """'The risks and potential complications of surgery, including bleeding, deep venous
    thrombosis and pulmonary embolism': a complication listed among an operation's risks (or
    one the patient is at risk of) is no problem the visit addresses."""
    norms = doc.tokens.norms
    for i in range(lo, at):
        if norms[i] not in _RISK_WORDS:
            continue
        # a risk group the disease is staged in ("high-risk acute lymphoblastic leukemia"),
        # not a risk the patient runs ("high risk of bleeding")
        graded = i > lo and norms[i - 1] in _RISK_GRADES
        if graded and (i + 1 >= at or norms[i + 1] not in ("of", "for")):
            continue
        return True
    return False


_RISK_GRADES = frozenset({"high", "low", "intermediate", "standard", "average", "very"})


# "possible small old myocardial infarction", "remote stroke": a past event's scar, no threat now
_PAST_WORDS = frozenset({"old", "remote", "healed", "prior", "previous"})
_AGE_WORDS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})


def _old_event(doc: Document, lo: int, span: tuple[int, int]) -> bool:
    """The cue's own words, or the word just before it, call the event old ('old myocardial
    infarction', 'remote CVA') - not a patient's age ('a 5-year-old, rule out appendicitis')."""
    t = doc.tokens
    start, end = t.index_at_or_after(span[0]), t.index_before(span[1])
    if _PAST_WORDS & set(t.norms[start:end]):
        return True
    before = t.norms[max(lo, start - 2) : start]
    return bool(before) and before[-1] in _PAST_WORDS and not _AGE_WORDS & set(before[:-1])


_CAUSE_WORDS = frozenset(
    {
        ("secondary", "to"),
        ("due", "to"),
        ("related", "to"),
        ("caused", "by"),
        ("because", "of"),
        ("attributable", "to"),
        ("from", "his"),
        ("from", "her"),
        ("from", "the"),
    }
)


def _hedges_the_cause(doc: Document, after: int) -> bool:
    """'Epicondylitis, possibly secondary to a lupus flare': the diagnosis is made, only its
    cause is in doubt - no undiagnosed problem."""
    return tuple(doc.tokens.norms[after : after + 2]) in _CAUSE_WORDS


def _problem_names(doc: Document, cues: Cues, lo: int, hi: int) -> set[str]:
    """The problem cue lists an assessment item's words fall in."""
    found = _hits_with_status(doc, cues.matcher("problems"), lo, hi, _PROBLEM_STATUSES)
    t = doc.tokens
    names = set()
    for name, _item, span, status in found:
        if status not in _STATUSES_OF.get(name, ("present", "uncertain", "historical")):
            continue
        if name == "threat" and (
            _told_as_past(doc, lo, t.index_at_or_after(span[0]))
            or _old_event(doc, lo, span)
            or _risk_told(doc, lo, t.index_at_or_after(span[0]))
        ):
            continue
        if name == "hedged" and _hedges_the_cause(doc, t.index_before(span[1])):
            continue
        if name == "benign_lead":
            # read with the threat it tempers, on the item's whole line; its hedge ("likely
            # viral") still hedges the item
            words = t.norms[t.index_at_or_after(span[0]) : t.index_before(span[1])]
            if _HEDGE_WORDS & set(words):
                names.add("hedged")
            continue
        if name == "threat" and _only_excluded(doc, span, status) and _benign_lead(doc, cues, span):
            # an angina equivalent to exclude after "jaw ache, sounds musculoskeletal":
            # the threat is excluded, not probable - the symptom is worked up
            names.add("new_uncertain")
            continue
        names.add(name)
    return names


_HEDGE_WORDS = frozenset({"likely", "probably", "suspect", "suspected", "favor", "favored"})
# the words of a threat cue that name the threat as something to exclude ("rule out MI")
_EXCLUDING_WORDS = frozenset(
    {"rule", "r", "concern", "concerning", "suspicious", "suspect", "suspected", "possible"}
    | {"probable", "question"}
)


def _only_excluded(doc: Document, span: tuple[int, int], status: str) -> bool:
    """The threat is named as something to exclude ("rule out an angina equivalent",
    "possible MI"), not diagnosed."""
    t = doc.tokens
    words = t.norms[t.index_at_or_after(span[0]) : t.index_before(span[1])]
    return status != "present" or bool(_EXCLUDING_WORDS & set(words))


def _benign_lead(doc: Document, cues: Cues, span: tuple[int, int]) -> bool:
    """The line of a threat's mention (its numbered item) gives the symptom a benign cause as
    the clinician's leading impression ("sounds musculoskeletal", "likely chest wall")."""
    text = doc.text
    lo = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    hi = len(text) if end < 0 else end
    t = doc.tokens
    first, last = t.index_at_or_after(lo), t.index_before(hi)
    told = ("present", "uncertain", "hypothetical")
    found = _hits(doc, cues.matcher("problems"), first, last, told)
    return any(name == "benign_lead" for name, _item, _span in found)


# a numbered or bulleted list item starts a new problem ("2. Hypertension.")
_LIST_MARK = re.compile(r"\s*(?:\d{1,2}[.)]|[-*\u2022])\s")


def _sentences(doc: Document, kinds: frozenset[str]) -> list[int]:
    """The sentences of the ``kinds`` sections, found once per note and section set (the
    element readers ask again for each problem)."""
    by_kinds: dict[frozenset[str], list[int]] = doc.memo.setdefault("em.sentences", {})
    found = by_kinds.get(kinds)
    if found is None:
        found = [s.index for s in doc.sentences if s.section_kind in kinds and s.tok_lo < s.tok_hi]
        by_kinds[kinds] = found
    return found


def classify_problem(names: set[str], codes: list[str], cues: Cues) -> str:
    """The kind of one assessment item from its cue lists and codes."""
    chronic = bool(names & {"chronic"}) or any(c.startswith(cues.chronic_codes) for c in codes)
    if "off_goal" in names:
        names = names | {"exacerbation"}  # off its goal: counted as the flare it is not
    threat_codes = (
        "I21",
        "I22",
        "I26",
        "I63",
        "I61",
        "I60",
        "A41",
        "R65.2",
        "J96",
        "K92.2",
        "E10.1",
        "E11.1",
        "R57",
        "I46",
        "I16.1",
    )
    if "threat" in names or any(c.startswith(threat_codes) for c in codes):
        return "threat"
    if (chronic and "exacerbation" in names) or "side_effect" in names:
        return "exacerbation"
    if chronic:
        return "stable"
    if "new_uncertain" in names:
        return "new_uncertain"
    if "systemic" in names:
        return "systemic"
    if "self_limited" in names:
        return "self_limited"
    return "acute"


# where a note orders the tests of its work-up
_WORKUP_KINDS = frozenset({"assessment", "impression", "plan", "diagnosis", "disposition"})


def _tests_planned(doc: Document, cues: Cues, kinds: frozenset[str] = _WORKUP_KINDS) -> bool:
    """The assessment or plan orders, plans or reads a test (a work-up under way) - not a test
    kept for later ("if she continues to have pain, we may get an MRI")."""
    phrases = cues.matcher("data")
    for si in _sentences(doc, kinds):
        s = doc.sentences[si]
        for name, _item, span in _hits(doc, phrases, s.tok_lo, s.tok_hi, _COUNTED):
            if name == "tests" and not _kept_for_later(doc, s.tok_lo, span):
                return True
    return False


def _kept_for_later(doc: Document, lo: int, span: tuple[int, int]) -> bool:
    """The step at ``span`` is conditional: an 'if', 'unless' or a leading 'should' before it
    in its sentence ("if she continues to have pain, we may get an MRI")."""
    words = doc.tokens.norms[lo : doc.tokens.index_at_or_after(span[0])]
    return bool(words) and (words[0] == "should" or bool({"if", "unless"} & set(words)))


_SYMPTOM_WORDS = frozenset({"pain", "symptoms", "swelling", "frequency", "severity", "size"})


def _escalation(doc: Document, cues: Cues) -> tuple[int, int] | None:
    """Where the assessment or plan steps treatment up (a dose raised, a drug added, a switch
    to another drug) - not a step kept for later ("if not better, increase to 50 mg")."""
    phrases = cues.matcher("problems")
    for si in _sentences(doc, cues.sections["risk"]):
        s = doc.sentences[si]
        for name, _item, span in _hits(
            doc, phrases, s.tok_lo, s.tok_hi, ("present", "hypothetical")
        ):
            if name != "escalation" or _kept_for_later(doc, s.tok_lo, span):
                continue
            at = doc.tokens.index_at_or_after(span[0])
            told = doc.tokens.norms[at : doc.tokens.index_before(span[1])]
            # "an increase in her knee pain to 8/10" is the illness, not its treatment
            if tuple(told[1:2]) in (("in",), ("of",)) or _SYMPTOM_WORDS & set(told):
                continue
            return span
    return None


# where a note tells how the treatment so far has done: the history of the present illness (and
# a history heading of its own, "PALPITATIONS HISTORY"), the assessment and plan - not the past
# history, medication list, review of systems or examination
_FAILURE_KINDS = frozenset(
    {"hpi", "history", "chief_complaint", "other", "assessment", "impression", "plan", "diagnosis"}
)
# a cue of prescription drug management that keeps the treatment as it is
_KEPT_WORDS = frozenset({"continue", "continued", "continuing", "resume", "no", "without"})


def _treatment_failed(doc: Document, cues: Cues) -> tuple[int, int] | None:
    """Where the note tells that the treatment tried has not worked ("no change with Inderal",
    "no help from over-the-counter analgesics", "refractory to steroids") - not a failure
    only foreseen ("if her pain does not improve, I will add methotrexate"). The cue words
    carry their own negation, so a negated reading counts too."""
    phrases = cues.matcher("problems")
    told = ("present", "negated", "historical", "uncertain")
    for si in _sentences(doc, _FAILURE_KINDS):
        s = doc.sentences[si]
        for name, _item, span, _status in _hits_with_status(doc, phrases, s.tok_lo, s.tok_hi, told):
            if name == "failed" and not _kept_for_later(doc, s.tok_lo, span):
                return span
    return None


def _new_prescription(doc: Document, cues: Cues) -> bool:
    """The visit writes a prescription or changes a drug (a heading of prescriptions written, a
    drug started or dosed in the assessment or plan) - not a drug only continued, nor one the
    history tells of."""
    if _prescription_written(doc, cues) is not None:
        return True
    phrases = cues.matcher("risk")
    t = doc.tokens
    for si in _sentences(doc, cues.sections["risk"]):
        s = doc.sentences[si]
        section = next((x for x in doc.sections if x.start <= s.start < x.end), None)
        if section is not None and "history" in section.heading.lower():
            continue
        for name, _item, span in _hits(doc, phrases, s.tok_lo, s.tok_hi, _COUNTED):
            if name != "moderate" or _kept_for_later(doc, s.tok_lo, span):
                continue
            words = t.norms[t.index_at_or_after(span[0]) : t.index_before(span[1])]
            if words and words[0] in _KEPT_WORDS:
                continue
            return True
    return False


# malignant neoplasms, in situ, and of uncertain or unspecified behavior
_MALIGNANT = ("C", "D0", "D37", "D38", "D39", "D4")


def _managed_elsewhere(doc: Document, cues: Cues, start: int, end: int) -> bool:
    """The item's line says another clinician manages its problem ("He is followed for his
    diabetes by his internist") and manages nothing itself (no drug continued or changed, no
    test): only noted, not addressed at this visit."""
    t = doc.tokens
    line_end = doc.text.find("\n", end)
    lo = t.index_at_or_after(start)
    hi = t.index_before(len(doc.text) if line_end < 0 else line_end)
    problems = _hits(doc, cues.matcher("problems"), lo, hi, _COUNTED)
    if not any(name == "elsewhere" for name, _i, _s in problems):
        return False
    risk = _hits(doc, cues.matcher("risk"), lo, hi, _COUNTED)
    data = _hits(doc, cues.matcher("data"), lo, hi, _COUNTED)
    return not data and all(name == "minimal" for name, _i, _s in risk)


def _cancer_care(doc: Document, cues: Cues) -> bool:
    """The assessment or plan treats, stages or images a cancer (chemotherapy, radiation,
    hormonal therapy, a PET scan, a resection): the malignancy is under active care. Read
    once per note (each cancer problem asks)."""
    cached = doc.memo.get("em.cancer_care")
    if cached is not None and cached[0] is cues:
        told: bool = cached[1]
        return told
    phrases = cues.matcher("problems")
    told = any(
        name == "cancer_care"
        for si in _sentences(doc, _WORKUP_KINDS)
        for name, _item, _span in _hits(
            doc, phrases, doc.sentences[si].tok_lo, doc.sentences[si].tok_hi, _COUNTED
        )
    )
    doc.memo["em.cancer_care"] = (cues, told)
    return told


def _distinct(problems: Iterable[Problem]) -> int:
    """How many different illnesses: the same illness named twice ('1. Hypertension.' and
    'her hypertension is controlled') is one, and so is one illness of both sides ('bilateral
    bunions', coded right and left)."""
    return len({_one_side(p.code) if p.code else p.span for p in problems})


def _one_side(code: str) -> str:
    """The code without its laterality character: a musculoskeletal, eye or ear code whose last
    character is 1 (right), 2 (left) or 3 (bilateral) - M21.611 and M21.612 are one illness."""
    if code[:1] in ("M", "H") and len(code) >= 6 and code[-1] in "123":
        return code[:-1]
    return code


# sign and symptom codes (R00-R69), not abnormal findings of tests (R70-R99)
_SYMPTOM_CODES = tuple(f"R{n}" for n in range(7))


def problem_element(
    doc: Document,
    cues: Cues,
    items: list[tuple[tuple[int, int], list[str]]],
    *,
    symptoms_undiagnosed: bool = False,
    symptoms_worked_up: bool = False,
) -> tuple[Element, list[Problem]]:
    """Problems level from the assessment items: ``[(char span, ICD-10-CM codes)]``.

    ``symptoms_undiagnosed``: a presenting symptom the visit works up with tests (chest pain,
    a headache with a CT ordered) is an undiagnosed new problem with uncertain prognosis, as
    in the emergency department, where the work-up is there to exclude what threatens.

    ``symptoms_worked_up``: the same for the presenting symptom only (initial hospital care),
    while a hedged diagnosis still needs a test ordered in the assessment or plan to count as
    one being worked up."""
    problems: list[Problem] = []
    t = doc.tokens
    worked_up = _tests_planned(doc, cues)
    symptom_worked_up = worked_up
    if (symptoms_undiagnosed or symptoms_worked_up) and not worked_up:
        # the emergency department's own results ("EMERGENCY DEPARTMENT LABS: cardiac enzymes
        # ... within normal limits") are the work-up of the presenting symptom
        symptom_worked_up = _tests_planned(doc, cues, _WORKUP_KINDS | {"labs", "other"})
        if symptoms_undiagnosed:
            worked_up = symptom_worked_up
    cancer_care = _cancer_care(doc, cues)
    # the last coded item: (its first problem's index, names, codes, where it ends)
    last: tuple[int, set[str], list[str], int] | None = None
    for (start, end), codes in items:
        lo, hi = t.index_at_or_after(start), t.index_before(end)
        names = _problem_names(doc, cues, lo, hi)
        if "hedged" in names:
            # "probable sleep apnea" with a sleep study ordered: a diagnosis being worked up
            names = (names - {"hedged"}) | ({"new_uncertain"} if worked_up else set())
        status = assertion_of(doc, start, end).status
        if not codes and not names:
            continue
        if _managed_elsewhere(doc, cues, start, end):
            continue  # another clinician's problem, only noted: not addressed here
        if status in ("negated", "family") or (status == "historical" and not codes):
            continue
        if (
            last is not None
            and names & {"exacerbation", "off_goal"}
            and "\n" not in doc.text[last[3] : start]
            and not _LIST_MARK.match(doc.text, start)
            # "... has experienced increased frequency of her migraine symptoms": a chronic
            # illness of the sentence's own is the one it tells flaring
            and not any(c.startswith(cues.chronic_codes) for c in codes)
        ):
            # "1. Asthma. Seems to be worse than in the past.": the sentence goes on with the
            # item, on its line, and tells how its illness is doing
            at, prev_names, prev_codes, _ = last
            merged = prev_names | (names & {"exacerbation", "off_goal"})
            if any(c.startswith(cues.chronic_codes) for c in prev_codes):
                merged |= {"chronic"}
            for i, code in enumerate(prev_codes or [""]):
                kind = classify_problem(merged, [code] if code else [], cues)
                problems[at + i] = Problem(kind, problems[at + i].span, code)
            last = (at, merged, prev_codes, end)
            if not codes:
                continue
            # its own symptom ("with night cough") is not
            names = names - {"exacerbation", "off_goal"}
        elif codes:
            last = (len(problems), names, codes, end)
        # "acute on chronic renal failure" (N17.9 + N18.9): the flare of the item's chronic
        # illness makes each of its codes the exacerbation
        if names & {"exacerbation", "off_goal"} and any(
            c.startswith(cues.chronic_codes) for c in codes
        ):
            names = names | {"chronic"}
        # "hyperlipidemia and gout, both stable" is two problems
        for code in codes or [""]:
            kind = classify_problem(names, [code] if code else [], cues)
            if kind in ("stable", "acute") and cancer_care and code.startswith(_MALIGNANT):
                kind = "malignancy"
            if (
                (symptoms_undiagnosed or symptoms_worked_up)
                and kind == "acute"
                and symptom_worked_up
                and code.startswith(_SYMPTOM_CODES)
            ):
                kind = "new_uncertain"
            problems.append(Problem(kind, (start, end), code))
    kinds = [p.kind for p in problems]
    if kinds.count("stable") == 1 and set(kinds) <= {"stable", "acute", "self_limited"}:
        stepped_up = _escalation(doc, cues)
        if stepped_up is None and _new_prescription(doc, cues):
            # the treatment tried has failed and a new prescription is written: not at goal
            stepped_up = _treatment_failed(doc, cues)
        if stepped_up is not None:
            # the one chronic illness seen has its treatment stepped up: not at its goal
            at = kinds.index("stable")
            problems[at] = Problem("exacerbation", problems[at].span, problems[at].code)
            kinds[at] = "exacerbation"
    first = {k: next((p.span for p in problems if p.kind == k), None) for k in set(kinds)}
    if "threat" in kinds:
        return Element(3, "high", first["threat"], ["threat to life or bodily function"]), problems
    moderate_reasons = []
    if "exacerbation" in kinds:
        moderate_reasons.append(("exacerbation", "chronic illness with exacerbation"))
    stable = _distinct(p for p in problems if p.kind == "stable")
    if stable >= 2:
        moderate_reasons.append(("stable", f"{stable} stable chronic illnesses"))
    if "malignancy" in kinds:
        why = "malignancy under treatment or surveillance"
        moderate_reasons.append(("malignancy", why))
    if "new_uncertain" in kinds:
        moderate_reasons.append(("new_uncertain", "undiagnosed new problem"))
    if "systemic" in kinds:
        moderate_reasons.append(("systemic", "acute illness with systemic symptoms"))
    if moderate_reasons:
        kind, _why = moderate_reasons[0]
        return Element(2, "moderate", first[kind], [w for _, w in moderate_reasons]), problems
    if "stable" in kinds or "acute" in kinds or kinds.count("self_limited") >= 2:
        kind = "stable" if "stable" in kinds else "acute" if "acute" in kinds else "self_limited"
        what = {
            "stable": "one stable chronic illness",
            "acute": "acute uncomplicated illness or injury",
            "self_limited": "two or more self-limited problems",
        }[kind]
        return Element(1, "low", first[kind], [what]), problems
    if kinds:
        return Element(0, "minimal", first[kinds[0]], ["one self-limited problem"]), problems
    return Element(0, "minimal", None, ["no problem addressed found"]), problems


_AGE_UNITS = {
    "year": 1.0,
    "years": 1.0,
    "yr": 1.0,
    "yrs": 1.0,
    "month": 1 / 12,
    "months": 1 / 12,
    "week": 1 / 52,
    "weeks": 1 / 52,
    "day": 1 / 365,
    "days": 1 / 365,
}


_NUMBER_WORDS = {
    w: i + 1
    for i, w in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}


def _stated_age(doc: Document) -> tuple[float, tuple[int, int]] | None:
    """The patient's age as the note states it ('5-year-old', '18 months old', 'a 42 year old
    man'): the first number followed by a unit of age and 'old' within three words."""
    t = doc.tokens
    n = len(t.norms)
    for i in range(n - 1):
        num, unit = t.norms[i], t.norms[i + 1]
        if not num.isdigit() or unit not in _AGE_UNITS:
            continue
        if "old" not in t.norms[i + 2 : i + 5] and not (
            unit in ("year", "years") and i + 2 < n and t.norms[i + 2] in ("month", "months")
        ):
            continue
        after = t.norms[i + 2 : i + 8]
        if "old" in after and told_of_a_relative(after[after.index("old") + 1 :]):
            continue  # "born to a 22-year-old G1 mother": the mother's age
        return int(num) * _AGE_UNITS[unit], (t.starts[i], t.ends[min(n - 1, i + 2)])
    for i in range(n - 2):
        # a checkup named by the child's age ("her two week well-child check", "6 month well
        # baby visit") in a note that states no age otherwise
        num, unit = t.norms[i], t.norms[i + 1]
        count = int(num) if num.isdigit() else _NUMBER_WORDS.get(num)
        if count is None or unit not in _AGE_UNITS or t.norms[i + 2] not in ("well", "wcc"):
            continue
        return count * _AGE_UNITS[unit], (t.starts[i], t.ends[i + 2])
    return None


# where a note tells what happened before the encounter: a study's finding told there was read
# by someone else
_HISTORY_KINDS = frozenset({"hpi", "history", "chief_complaint", "pmh", "psh"})
# a child too young to give the history: the parent who brings the child is its historian
_YOUNG_CHILD_YEARS = 6


def _same_clause(doc: Document, start: int, end: int) -> bool:
    """No sentence or clause break (". ", ";", a line break) between two offsets, in order."""
    if start > end:
        return False
    gap = doc.text[start:end]
    return ". " not in gap and ";" not in gap and "\n" not in gap


_DATA_STATUSES = (*_COUNTED, "historical")
_NOT_COUNTED_DATA = frozenset({"not_tests", "not_reviewed", "not_reviewed_before"})
# a cue that tells a test not reviewed carries its own negation ("have not had the opportunity")
_ANY_STATUS = (*_DATA_STATUSES, "negated", "family")


def data_element(doc: Document, cues: Cues, billed: frozenset[int] = frozenset()) -> Element:
    """Data level from the distinct tests, records, historian, interpretation, discussion.
    ``billed``: sentences that tell a test the same claim reports with its own code (the x-ray
    read in the office, the EKG interpreted): AMA leaves such a test, and its reading, out of
    the visit's data."""
    phrases = cues.matcher("data")
    tests: dict[int, tuple[int, int]] = {}
    flags: dict[str, tuple[int, int]] = {}
    unseen: set[int] = set()
    mentions: list[tuple[int, tuple[int, int], bool]] = []
    billed_tests: set[int] = set()
    for si in billed:
        s = doc.sentences[si]
        for name, item, _where, _status in _hits_with_status(
            doc, phrases, s.tok_lo, s.tok_hi, _ANY_STATUS
        ):
            if name == "tests":
                billed_tests.add(item)
    for si in _sentences(doc, cues.sections["data"]):
        s = doc.sentences[si]
        found = _hits_with_status(doc, phrases, s.tok_lo, s.tok_hi, _ANY_STATUS)
        if si in billed:
            found = [f for f in found if f[0] not in ("tests", "result_told")]
        ordering = bool(set(doc.tokens.norms[s.tok_lo : s.tok_hi]) & _ORDER_WORDS)
        after = [w[0] for n, _i, w, _st in found if n == "not_reviewed"]
        before = [w[0] for n, _i, w, _st in found if n == "not_reviewed_before"]
        for name, item, where, status in found:
            if name == "tests":
                if any(_same_clause(doc, c, where[0]) for c in after) or (
                    not ordering and any(_same_clause(doc, where[0], c) for c in before)
                ):
                    unseen.add(item)
                elif status in _DATA_STATUSES:
                    mentions.append((item, where, ordering))
            elif status not in _DATA_STATUSES or name in _NOT_COUNTED_DATA:
                continue
            elif name == "result_told":
                # "EKG shows sinus rhythm" read at this encounter, not a result in the history
                if s.section_kind not in _HISTORY_KINDS and status != "historical":
                    flags.setdefault("interpretation", where)
            elif name == "accompanied":
                age = _stated_age(doc)
                if age is not None and age[0] < _YOUNG_CHILD_YEARS:
                    flags.setdefault("historian", where)
            else:
                flags.setdefault(name, where)
    # a test the clinician says is not reviewed yet counts from no other mention of it either
    # (the patient's account of it is no review of it), unless a sentence orders it
    for item, where, ordering in mentions:
        if item in billed_tests:
            continue
        if item not in unseen or ordering:
            tests.setdefault(item, where)
    cat1 = len(tests) + ("external_notes" in flags) + ("historian" in flags)
    categories = (cat1 >= 3) + ("interpretation" in flags) + ("discussion" in flags)
    detail = [f"{len(tests)} distinct test(s)", *sorted(flags)]
    span: tuple[int, int] | None = next(iter(tests.values()), None) or next(
        iter(flags.values()), None
    )
    if categories >= 2:
        return Element(3, "extensive", span, detail)
    if categories == 1:
        for key in ("interpretation", "discussion"):
            if key in flags:
                span = flags[key]
        return Element(2, "moderate", span, detail)
    if cat1 >= 2 or "historian" in flags:
        return Element(1, "limited", span, detail)
    return Element(0, "minimal", span, detail)


_ORDER_WORDS = frozenset(
    {
        "order",
        "ordered",
        "ordering",
        "obtain",
        "obtained",
        "schedule",
        "scheduled",
        "check",
        "get",
        "getting",
        "send",
        "sent",
        "draw",
        "drawn",
        "arrange",
        "arranged",
        "request",
        "requested",
        "recheck",
        "repeat",
        "will",
        "plan",
        "planned",
    }
)


# a test's result told ("his EKG today was normal"), which a plan heading reads as planned
_RESULT_WORDS = frozenset(
    {
        "was",
        "were",
        "showed",
        "shows",
        "revealed",
        "reveals",
        "demonstrated",
        "demonstrates",
        "normal",
        "unremarkable",
        "negative",
        "positive",
        "acceptable",
        "done",
    }
)


def _test_ordered(doc: Document, cues: Cues) -> tuple[int, int] | None:
    """A diagnostic test the assessment or plan orders now (not a result read, not a test kept
    for later): additional diagnostic testing is a management option of the risk element."""
    phrases = cues.matcher("data")
    for si in _sentences(doc, _WORKUP_KINDS):
        s = doc.sentences[si]
        words = set(doc.tokens.norms[s.tok_lo : s.tok_hi])
        for name, _item, span in _hits(doc, phrases, s.tok_lo, s.tok_hi, _COUNTED):
            if name != "tests" or _kept_for_later(doc, s.tok_lo, span):
                continue
            if words & _ORDER_WORDS or (
                assertion_of(doc, *span).status == "hypothetical" and not words & _RESULT_WORDS
            ):
                return span
    return None


# the resuscitation status a note carries at its head ("CODE STATUS: DNR, healthcare proxy")
_CODE_STATUS_HEADINGS = frozenset(
    {"code status", "code", "resuscitation status", "advance directive", "advance directives"}
)
# words that make the status a decision of this encounter ("DNR per discussion with the family
# today", "changed to comfort care")
_DECIDED = frozenset(
    {
        "discussed",
        "discussion",
        "decided",
        "decision",
        "changed",
        "change",
        "requested",
        "requests",
        "agreed",
        "agrees",
        "confirmed",
        "wishes",
        "today",
    }
)


def _standing_code_status(doc: Document, end: int, lo: int, hi: int) -> bool:
    """A CODE STATUS heading's line ("CODE STATUS: Do not resuscitate, palliative care orders
    in place") documents the order the patient already has, not a decision about resuscitation
    made at this encounter (AMA: the decision not to resuscitate is the high-risk management) -
    unless it tells the decision ("DNR after discussion with the daughter today")."""
    # the sentence ending in the section (a sentence starts at its section's heading); the
    # sections follow one another, so the one holding ``end`` is the last starting before it
    starts: list[int] | None = doc.memo.get("em.section_starts")
    if starts is None:
        starts = doc.memo["em.section_starts"] = [x.start for x in doc.sections]
    i = bisect.bisect_left(starts, end) - 1
    if i < 0 or end > doc.sections[i].end:
        return False
    section = doc.sections[i]
    heading = " ".join(section.heading.lower().replace(":", " ").split())
    if heading not in _CODE_STATUS_HEADINGS:
        return False
    return not _DECIDED & set(doc.tokens.norms[lo:hi])


# "MEDICATIONS PRESCRIBED: None." prescribes nothing
_NOTHING = frozenset({"none", "no", "nothing", "n", "na", "not", "deferred"})
_NOT_DRUGS = frozenset(
    {
        "orthotic",
        "orthotics",
        "brace",
        "splint",
        "glasses",
        "lenses",
        "crutches",
        "walker",
        "cane",
        "wheelchair",
        "stockings",
        "shoes",
        "insoles",
        "therapy",
    }
)


def _prescription_written(doc: Document, cues: Cues) -> tuple[int, int] | None:
    """A heading that lists the prescriptions written at this visit ("PRESCRIPTIONS: verapamil
    80 tid") with a drug under it is prescription drug management, whatever
    way the dose is written - unless it says none, or names only over-the-counter drugs or
    what is no drug (orthotics, therapy)."""
    t = doc.tokens
    for sec in doc.sections:
        if sec.kind != "plan" or "prescri" not in sec.heading.lower():
            continue
        lo, hi = t.index_at_or_after(sec.start), t.index_before(sec.end)
        words = t.norms[lo:hi]
        if not words or words[0] in _NOTHING:
            continue
        risk = {name for name, _i, _s in _hits(doc, cues.matcher("risk"), lo, hi, _COUNTED)}
        if "moderate" not in risk and (risk & {"low", "minimal"} or _NOT_DRUGS & set(words)):
            # "PRESCRIPTIONS: Tylenol as needed" (over the counter), "Orthotics" (no drug)
            continue
        return t.starts[lo], t.ends[hi - 1]
    return None


def risk_element(doc: Document, cues: Cues) -> Element:
    """Risk level from the most serious management option documented; a note that orders
    further diagnostic testing and documents nothing riskier is low risk (AMA: the risk of
    morbidity from additional diagnostic testing or treatment)."""
    phrases = cues.matcher("risk")
    rank = {"high": 3, "moderate": 2, "low": 1, "minimal": 0}
    best: tuple[int, str, tuple[int, int]] | None = None
    for si in _sentences(doc, cues.sections["risk"]):
        s = doc.sentences[si]
        if _standing_code_status(doc, s.end, s.tok_lo, s.tok_hi):
            continue
        for name, _item, span in _hits(doc, phrases, s.tok_lo, s.tok_hi, _COUNTED):
            level = rank[name]
            if best is None or level > best[0]:
                best = (level, name, span)
    if best is None or best[0] < 2:
        written = _prescription_written(doc, cues)
        if written is not None:
            best = (2, "moderate", written)
    if best is None or best[0] == 0:
        ordered = _test_ordered(doc, cues)
        if ordered is not None:
            return Element(1, "low", ordered, ["additional diagnostic testing ordered"])
    if best is None:
        return Element(0, "minimal", None, ["no management option found"])
    return Element(best[0], best[1], best[2], [best[1]])


def admission_decided(doc: Document, cues: Cues) -> tuple[int, int] | None:
    """The span of a high-risk cue that decides the patient's admission to the hospital ("it
    was decided to admit him", "will be admitted to the pediatric floor") - not one the patient
    declined, nor a transfer or any other high-risk management."""
    phrases = cues.matcher("risk")
    for si in _sentences(doc, cues.sections["risk"]):
        s = doc.sentences[si]
        words = set(doc.tokens.norms[s.tok_lo : s.tok_hi])
        if words & _DECLINED:
            continue
        for name, _item, span in _hits(doc, phrases, s.tok_lo, s.tok_hi, _COUNTED):
            said = doc.text[span[0] : span[1]].lower()
            if name == "high" and ("admi" in said or "hospitaliz" in said):
                return span
    return None


_DECLINED = frozenset({"declined", "declines", "refused", "refuses", "if", "unless", "should"})
_VISIT_WORDS = frozenset({"appointment", "visit", "encounter", "consultation"})
_MINUTE_WORDS = frozenset({"minutes", "minute", "min", "mins"})


def total_minutes(doc: Document) -> tuple[int, tuple[int, int]] | None:
    """Total time on the date of the encounter when the note documents it ('Total time spent
    was 45 minutes'), with the span that says it."""
    t = doc.tokens
    best: tuple[int, tuple[int, int]] | None = None
    if _MINUTE_WORDS.isdisjoint(t.norms):  # most notes: their words are not looked at one by one
        return None
    for i, w in enumerate(t.norms):
        if w not in _MINUTE_WORDS or i == 0:
            continue
        num = t.norms[i - 1]
        if not num.isdigit() or not 1 <= int(num) <= 600:
            continue
        window = set(t.norms[max(0, i - 12) : i - 1])
        # the time told after its number: "80 minutes were spent with the patient",
        # "25 minutes spent, all in discussion" (the 2021/2023 rules count the total time on
        # the date, whatever share of it counseling took)
        after = t.norms[i + 1 : i + 4]
        told_after = "spent" in after and not _PROCEDURE_TIME & set(t.norms[i + 1 : i + 8])
        # "the length of the encounter was 80 minutes": the visit's whole time
        told_length = bool(window & {"length", "duration"} and window & {"visit", "encounter"})
        # "more than 50% of this 40-minute appointment was counseling": the visit's length
        told_visit = bool(after) and after[0] in _VISIT_WORDS
        told_before = bool(window & _TIME_WORDS and window & {"total", "spent"})
        if not (told_before or told_after or told_length or told_visit):
            continue
        end = i + 3 if told_after and not told_before else i
        span = (t.starts[max(0, i - 12)], t.ends[min(len(t.norms) - 1, end)])
        sent = doc.sentence_at(t.starts[i])
        if sent is not None:
            span = (max(sent.start, span[0]), min(sent.end, span[1]))
        if best is None or int(num) > best[0]:
            best = (int(num), span)
    return best
