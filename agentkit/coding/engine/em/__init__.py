"""E/M level of a visit note from medical decision making or total time (offline coder).

    from agentkit.coding.engine import analyze
    from agentkit.coding.engine.em import level_visit, needs_modifier_25

    level_visit(analyze(note), patient_status="unknown", date_of_service=None)
    # -> em_level output dict, or None when the note is not a visit
    needs_modifier_25("99213", ["11104"], kb)  # True: a minor procedure at the same encounter

Office and other outpatient visits get 99202-99205 / 99211-99215; the house rules also level
emergency department visits (99282-99285) and initial hospital care (99221-99223) by the 2023
MDM rules. The cue words live in ``data/mdm.yaml``. E/M leveling is judgment: the confidence
stays modest so that borderline levels go to review.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from agentkit.coding.engine.em.cues import Cues, cues
from agentkit.coding.engine.em.elements import (
    _COUNTED,
    Element,
    Problem,
    _distinct,
    _hits,
    _problem_names,
    _sentences,
    _stated_age,
    admission_decided,
    data_element,
    problem_element,
    risk_element,
    total_minutes,
)
from agentkit.coding.engine.em.levels import MDM_NAMES, code_for, mdm_level, time_level
from agentkit.coding.engine.em.modifier import needs_modifier_25, procedure_needs_separate_em
from agentkit.coding.engine.language import is_english_clinical
from agentkit.coding.engine.note_type import headed_visit, is_discharge_summary, note_type
from agentkit.coding.engine.text.document import Document, assertion_of
from agentkit.coding.engine.text.phrases import PhraseMatch

__all__ = [
    "critical_care_addon_units",
    "level_visit",
    "managed_beside_procedure",
    "needs_modifier_25",
    "problem_visit_with_preventive",
    "procedure_needs_separate_em",
    "visit_setting",
]

_REPORT_KINDS = frozenset(
    {"procedure", "description", "postop_dx", "preop_dx", "anesthesia", "technique", "comparison"}
)
_EXCLUDED_FROM_SETTING = frozenset({"pmh", "psh", "family_history", "social_history", "history"})


def _matches(doc: Document, group: str, c: Cues) -> list[PhraseMatch[tuple[str, int]]]:
    """Every cue of ``group`` in the note, found once per note (the setting is asked about
    cue by cue)."""
    key = f"em-cues:{group}:{id(c)}"
    found: list[PhraseMatch[tuple[str, int]]] | None = doc.memo.get(key)
    if found is None:
        found = c.matcher(group).find_all(doc.tokens.norms)
        doc.memo[key] = found
    return found


def _present(
    doc: Document,
    group: str,
    name: str,
    c: Cues,
    excluded: frozenset[str] = _EXCLUDED_FROM_SETTING,
    statuses: tuple[str, ...] = ("present", "hypothetical"),
) -> tuple[int, int] | None:
    t = doc.tokens
    for m in _matches(doc, group, c):
        if m.payload[0] != name:
            continue
        s, e = t.starts[m.start], t.ends[m.end - 1]
        sent = doc.sentence_at(s)
        if sent is not None and sent.section_kind in excluded:
            continue
        if assertion_of(doc, s, e).status in statuses:
            return s, e
    return None


# a plain HISTORY heading is usually the present illness: "seen in the ER today" counts there
_PAST_HISTORY = frozenset({"pmh", "psh", "family_history", "social_history"})
# "who was seen in the emergency room today" tells this visit, past tense or not
_SEEN_IN_ED = ("present", "hypothetical", "historical")
_PLAN_KINDS = frozenset({"assessment", "plan", "impression", "diagnosis"})


def _count(
    doc: Document,
    name: str,
    c: Cues,
    kinds: frozenset[str] | None = None,
    excluded: frozenset[str] = _EXCLUDED_FROM_SETTING,
    statuses: tuple[str, ...] = ("present", "hypothetical"),
) -> int:
    """Sentences (or headings) with a present or planned ``setting`` cue ``name``, outside
    the ``excluded`` sections (and only in ``kinds`` when given)."""
    t = doc.tokens
    seen: set[int] = set()
    others = _other_records(doc, c)
    for m in _matches(doc, "setting", c):
        if m.payload[0] != name:
            continue
        if any(lo < m.end and m.start < hi for lo, hi in others):
            continue  # a cue inside another encounter's record named in the note
        s, e = t.starts[m.start], t.ends[m.end - 1]
        sent = doc.sentence_at(s)
        where = sent.section_kind if sent is not None else None
        if where in excluded or (kinds is not None and where not in kinds):
            continue
        said = assertion_of(doc, s, e)
        # a plain HISTORY heading reads its whole section as past, but it usually tells the
        # present illness ("HISTORY: ... At this time, he has been admitted for anemia"): only
        # a cue of its own ("in 2005", "last year") makes a setting cue there past
        told = "present" if said.cue is None and where == "history" else said.status
        if told in statuses:
            seen.add(sent.index if sent is not None else -1 - m.start)
    return len(seen)


def _other_records(doc: Document, c: Cues) -> list[tuple[int, int]]:
    """Token spans of the records of other encounters the note names ("see the inpatient
    progress note in his chart")."""
    return [(m.start, m.end) for m in _matches(doc, "setting", c) if m.payload[0] == "other_record"]


def _progress_note(doc: Document, c: Cues) -> bool:
    """A daily note of a hospitalized patient: progress cues (post-operative day, overnight
    events), or a SUBJECTIVE/OBJECTIVE note without the social and family history of an
    admission H&P. A consultation is a first encounter (initial care), and so is a note that
    takes the whole history (past medical with family and social history: "postop day 21" in an
    admission H&P tells the course before it) or decides the admission ("my plan is to
    readmit her")."""
    if _consultation(doc):
        return False
    kinds = {s.kind for s in doc.sections}
    if "pmh" in kinds and {"family_history", "social_history"} <= kinds:
        return False
    if _count(doc, "admit_decision", c, _PLAN_KINDS):
        return False
    if _count(doc, "subsequent", c, excluded=_PAST_HISTORY, statuses=_SEEN_IN_ED):
        return True
    soap = any(s.heading.strip().lower() in ("subjective", "s") for s in doc.sections)
    return soap and not kinds & {"family_history", "social_history", "ros"}


def visit_setting(doc: Document, c: Cues | None = None) -> str | None:
    """``office``, ``emergency``, ``hospital`` (initial care), ``subsequent`` (subsequent
    hospital care), ``nursing_initial`` / ``nursing`` (initial / subsequent nursing facility
    care), ``discharge``, or None when the note is not a visit.

    The emergency department's own record (an ED course, "seen in the ER today") is an ED
    visit. A note that says the patient is in the hospital now (admitted with, intubated,
    inpatient orders in its plan) is hospital care - also when it tells that the patient came
    through the emergency room, as admitting H&Ps and inpatient consultations do - unless
    office cues (a follow-up interval, "comes in today") outweigh it, as when an office note
    tells of a past admission."""
    c = c or cues()
    if is_discharge_summary(doc):
        return "discharge"
    kind = note_type(doc)
    headings = " ".join(s.heading.lower() for s in doc.sections)
    kinds = {s.kind for s in doc.sections}
    # a visit's history and assessment around a procedure's heading: a visit when the coder
    # found no procedure (``headed_visit``)
    headed = headed_visit(doc)
    if kind in ("procedure", "radiology") and kinds & _REPORT_KINDS and not headed:
        return None  # an operative or imaging report: its service is not a visit
    if _present(doc, "setting", "not_a_visit", c) is not None and kind != "visit" and not headed:
        return None
    ed_record = _count(doc, "emergency", c, excluded=_PAST_HISTORY, statuses=_SEEN_IN_ED)
    # a MEDICAL DECISION MAKING section is the emergency physician's record (office and
    # hospital notes put the reasoning under the assessment) - not a clinic visit whose history
    # tells the patient came to the office or clinic ("comes in today for her diabetes
    # check"), as some primary care templates head their review of results that way (an
    # emergency record's discharge advice "follow up with her doctor in a week" is no such cue)
    mdm_heading = "medical decision making" in headings and not _count(
        doc, "office", c, excluded=_EXCLUDED_FROM_SETTING | _PLAN_KINDS | {"disposition"}
    )
    if "emergency" in headings or mdm_heading or ed_record:
        return "emergency"
    # a nursing facility's own visit note (its interval history is no hospital progress note);
    # a resident told to be in the hospital now is hospital care
    nursing = _nursing_facility(doc, c, headings)
    if nursing is not None and not _count(doc, "hospital", c):
        return nursing
    hospital = (
        _count(doc, "hospital", c, excluded=_PAST_HISTORY)
        + _count(doc, "hospital_plan", c, _PLAN_KINDS)
        + _count(doc, "subsequent", c, excluded=_PAST_HISTORY, statuses=_SEEN_IN_ED)
    )
    # an admission heading, or a HOSPITAL COURSE closing an admission history and physical
    # (a discharge summary was sent to discharge-day management above)
    if "admi" in headings or "hospital course" in headings:
        hospital += 2
    if hospital and hospital > _count(doc, "office", c):
        return "subsequent" if _progress_note(doc, c) else "hospital"
    # "she presented to the emergency room last week" in an office note's history: only
    # arriving at the ED without office cues makes the note the ED's
    # a plan that arranges "outpatient follow-up" (the patient is not the author's outpatient)
    # with nothing saying the patient is in the hospital: the emergency department's record
    ed_weak = _count(doc, "emergency_weak", c) + _count(doc, "outpatient_next", c, _PLAN_KINDS)
    if ed_weak > _count(doc, "office", c):
        return "emergency"
    return "office"


def _nursing_facility(doc: Document, c: Cues, headings: str) -> str | None:
    """``nursing_initial`` or ``nursing`` when the physician sees the patient in a nursing
    facility (a skilled nursing or long-term care facility): the note says so ("seen today at
    the nursing home", "SNF visit") or carries the restraint status a facility's physician
    documents at each visit (a RESTRAINTS heading). The admission to the facility is initial
    nursing facility care, and so is a note that takes the whole history; a visit during the
    stay (an interval history, a monthly visit) is subsequent care."""
    restraints = any(s.heading.strip().lower() in ("restraints", "restraint") for s in doc.sections)
    # the plan tells the next place of care ("she will be admitted to the SNF tomorrow" in a
    # hospital progress note), not this visit's
    if _count(doc, "nursing_admission", c, excluded=_STATUS_EXCLUDED, statuses=("present",)):
        return "nursing_initial"
    if not restraints and not _count(doc, "nursing_facility", c, excluded=_STATUS_EXCLUDED):
        return None
    if "interval" in headings or _count(doc, "subsequent", c, excluded=_PAST_HISTORY):
        return "nursing"
    return "nursing_initial" if _initial_workup(doc) else "nursing"


# "MEDICATIONS PRIOR TO ADMISSION" is no admission heading
_ADMISSION_HEADINGS = ("admission", "admitting", "reason for admission", "history of admission")


def _admitting(doc: Document, c: Cues) -> bool:
    """The note's author admits the patient: an admission heading ("ADMISSION HISTORY AND
    PHYSICAL", "ADMITTING DIAGNOSIS") or the admission decided in the assessment or plan ("Admit
    to telemetry", "we will admit her") - not a consultation."""
    if _consultation(doc):
        return False
    if any(s.heading.lower().startswith(_ADMISSION_HEADINGS) for s in doc.sections):
        return True
    return _count(doc, "admit_decision", c, _PLAN_KINDS) > 0


def _admission_told(doc: Document, c: Cues) -> bool:
    """The note tells the admission it documents: an admission heading or decision, the
    patient's arrival through the emergency department, or the admission or transfer itself
    ("was admitted to rule out MI", "transferred from an outside hospital"). A first inpatient
    note that tells none of these (a specialist who sees a patient in bed and plans an
    endoscopy) sees a patient someone else admitted: the decision for hospitalization is not
    its own."""
    if _admitting(doc, c) or _count(doc, "emergency_weak", c, excluded=_PAST_HISTORY):
        return True
    t = doc.tokens
    for m in _matches(doc, "setting", c):
        if m.payload[0] != "hospital":
            continue
        # an admission, a transfer in, an involuntary (psychiatric) hold
        told = t.norms[m.start : m.end]
        if not any(w.startswith(("admi", "transfer")) or w == "hold" for w in told):
            continue
        sent = doc.sentence_at(t.starts[m.start])
        if sent is None or sent.section_kind not in _PAST_HISTORY:
            return True
    # "she was now admitted following a complex course", "will be admitted to a monitored
    # bed": the present illness or the assessment tells the admission in other words
    for sent in doc.sentences:
        if sent.section_kind not in _ADMISSION_TOLD_KINDS | _PLAN_KINDS:
            continue
        for i in range(sent.tok_lo, sent.tok_hi):
            if _kept_for_later(doc, sent.tok_lo, i):
                continue
            # "she will be hospitalized", also in the plan
            if t.norms[i].startswith("hospitaliz") and t.norms[i - 1] == "be":
                return True
            if sent.section_kind == "plan":
                continue  # "risks ... needing to get admitted" in the plan: no admission
            if t.norms[i].startswith("admi"):
                return True
            # "In the emergency room, the patient was treated with ...": the present illness
            # tells the arrival through the emergency department
            if sent.section_kind != "hpi" or t.norms[i] != "emergency":
                continue
            if i + 1 < sent.tok_hi and t.norms[i + 1] in ("room", "department"):
                return True
    return False


def _discharge_planned(doc: Document, c: Cues) -> bool:
    """The assessment or plan sends the patient home now ("plan is discharge to home today",
    "she can go home today"), not only if a test turns out well ("home tomorrow if the stress
    test is normal"): the note ends the stay its history tells, it decides no hospitalization."""
    t = doc.tokens
    for m in _matches(doc, "setting", c):
        if m.payload[0] != "discharge_plan":
            continue
        sent = doc.sentence_at(t.starts[m.start])
        if sent is None or sent.section_kind not in _PLAN_KINDS:
            continue
        if not _kept_for_later(doc, sent.tok_lo, m.start):
            return True
    return False


# where a note tells the admission it documents
_ADMISSION_TOLD_KINDS = frozenset(
    {"hpi", "history", "chief_complaint", "assessment", "impression", "diagnosis"}
)


def _kept_for_later(doc: Document, lo: int, at: int) -> bool:
    """The word at token ``at`` is in an if-clause ("if she worsens she may be admitted")."""
    return bool({"if", "unless", "should"} & set(doc.tokens.norms[lo:at]))


def _consultation(doc: Document) -> bool:
    """A consultation heading ("REASON FOR CONSULTATION"), or a referral's ("REASON FOR
    REFERRAL", "REFERRING PHYSICIAN"), or the consultant's own words ("Thank you for this
    consultation"): another physician asked for this clinician's opinion."""
    if any("consult" in s.heading.lower() for s in doc.sections) or _referred(doc):
        return True
    return _count(doc, "consultation", cues(), excluded=_PAST_HISTORY) > 0


def _referred(doc: Document) -> bool:
    """A 'REASON FOR REFERRAL' or 'REFERRING PHYSICIAN' heading: the note answers a referral,
    a first look at the patient by this clinician."""
    return any("referr" in s.heading.lower() for s in doc.sections)


# the plan tells the next visit ("follow-up appointment in two weeks"), not this one
_STATUS_EXCLUDED = _PAST_HISTORY | {"plan", "disposition"}
# the date of the last visit is told in the history: after the assessment it closes a case
# summary with the course that followed this encounter
_LAST_VISIT_EXCLUDED = _STATUS_EXCLUDED | {"assessment", "impression", "diagnosis"}
# the history sections an initial evaluation takes and a follow-up visit rarely repeats
_INITIAL_WORKUP = frozenset({"family_history", "social_history"})


def _initial_workup(doc: Document) -> bool:
    """A note that takes the whole history - past medical history with family or social
    history and a review of systems, or with both family and social history - reads as a
    first encounter with this clinician."""
    kinds = {s.kind for s in doc.sections}
    if "pmh" not in kinds:
        # the family and social history with a review of systems: the whole history, whatever
        # heading the past illnesses come under ("See chart attached", a referral form)
        return kinds >= _INITIAL_WORKUP | {"ros"}
    return ("ros" in kinds and bool(kinds & _INITIAL_WORKUP)) or kinds >= _INITIAL_WORKUP


def _status(doc: Document, given: str, c: Cues) -> tuple[str, bool]:
    """(new | established, documented in the note?)."""
    if _present(doc, "patient_status", "new_explicit", c) is not None:
        return "new", True
    established = _present(
        doc, "patient_status", "established", c, _STATUS_EXCLUDED, ("present", "historical")
    ) or _present(
        doc, "patient_status", "last_visit", c, _LAST_VISIT_EXCLUDED, ("present", "historical")
    )
    # "who was seen in consultation at the request of Dr. X on 05/15" tells this encounter
    # ("seeks evaluation for a second opinion": the test-like "evaluation for" does not make
    # the encounter uncertain)
    new = _present(
        doc,
        "patient_status",
        "new",
        c,
        _STATUS_EXCLUDED,
        ("present", "hypothetical", "historical", "uncertain"),
    )
    if established is not None:
        return "established", True
    if new is not None:
        return "new", True
    if _consultation(doc) or _referred(doc):
        # house rule: a consultation is reported with the new-patient visit codes
        return "new", True
    if _history_unchanged(doc, c):
        return "established", True
    if given in ("new", "established"):
        return given, False
    # a SUBJECTIVE/OBJECTIVE (SOAP) note is the format of a practice's own return visits: with
    # nothing said of the patient's status it is not read as a first encounter for the history
    # it takes ("PAST MEDICAL HISTORY: reviewed" under it is the chart's history brought up)
    if _initial_workup(doc) and not _soap(doc):
        return "new", False
    return "established", False


# where a note brings the chart's history up to date
_CHART_HISTORY = frozenset(
    {"pmh", "psh", "family_history", "social_history", "medications", "allergies", "ros"}
)


def _history_unchanged(doc: Document, c: Cues) -> bool:
    """The past, family or social history (or the medication list) is told as already on
    this practice's chart: "Reviewed and unchanged", "As listed on 04/22/04"."""
    t = doc.tokens
    for m in _matches(doc, "patient_status", c):
        if m.payload[0] != "history_unchanged":
            continue
        sent = doc.sentence_at(t.starts[m.start])
        if sent is not None and sent.section_kind in _CHART_HISTORY:
            return True
    return False


def _soap(doc: Document) -> bool:
    """The note is laid out SUBJECTIVE / OBJECTIVE / ASSESSMENT / PLAN: it opens with its
    SUBJECTIVE heading (after a chief complaint at most) - not a report that scores the
    patient's "subjective" and "objective" factors under its conclusions."""
    headed = [s for s in doc.sections if s.heading.strip()]
    return any(s.heading.strip().lower() in ("subjective", "s") for s in headed[:2])


def _quote(doc: Document, span: tuple[int, int] | None) -> str:
    if span is None:
        return doc.text.strip()[:80].strip()
    sent = doc.sentence_at(span[0])
    lo, hi = (sent.start, sent.end) if sent is not None else span
    if hi - lo > 200:
        lo, hi = max(lo, span[0] - 60), min(hi, span[1] + 60)
        while lo < span[0] and not doc.text[lo - 1].isspace():
            lo += 1
        while hi > span[1] and hi < len(doc.text) and not doc.text[hi].isspace():
            hi -= 1
    text = doc.text
    while lo < hi and (text[lo].isspace() or text[lo] in "-*•#.):(0123456789"):
        if text[lo].isdigit() and lo + 1 < hi and text[lo + 1].isalpha():
            break
        lo += 1
    while hi > lo and text[hi - 1] in " \t\r\n.,;:":
        hi -= 1
    return text[lo:hi] if hi > lo else text[span[0] : span[1]]


# what an uncoded assessment item still tells beside the history's problems: a diagnosis
# being worked up, or a side effect of treatment
_UNCODED_KINDS = frozenset({"new_uncertain", "exacerbation"})


def level_visit(
    doc: Document,
    *,
    patient_status: str = "unknown",
    date_of_service: date | None = None,
    billed_tests: frozenset[int] = frozenset(),
) -> dict[str, Any] | None:
    """The em_level output for a visit note, or None when the note is not a visit.
    ``billed_tests``: sentences telling a test the claim reports with its own code, left out
    of the data element."""
    if not doc.tokens.norms or not is_english_clinical(doc):
        return None
    c = cues()
    setting = visit_setting(doc, c)
    if setting is None:
        return None
    status, status_documented = _status(doc, patient_status, c)
    from agentkit.coding.engine.icd10.coder import statement_codes

    items = statement_codes(doc, c.sections["problems"], date_of_service)
    # an assessment of working diagnoses only ("probable sleep apnea", "ulcers likely from
    # methotrexate", not coded while uncertain) still tells a problem addressed, beside what
    # the history names
    assessed = items if not any(codes for _, codes in items) else []
    for fallback in (frozenset({"chief_complaint", "hpi"}), frozenset({"body", "other"})):
        if any(codes for _, codes in items):
            break
        # a short note without an assessment heading states its problems in the text; an
        # assessment whose items name nothing codable ("possible insect bite") still counts
        found = statement_codes(doc, fallback, date_of_service, tabular=False)
        # the reason for a hospital stay now over ("was hospitalized last week for DKA") is
        # that episode, not a problem this visit addresses
        found = [(span, codes) for span, codes in found if not _past_stay(doc, span)]
        if any(codes for _, codes in found) or not items:
            items = found
    if assessed and items is not assessed:
        worked_up = [
            span
            for span, _ in assessed
            if any(p.kind in _UNCODED_KINDS for p in problem_element(doc, c, [(span, [])])[1])
        ]
        items = [*items, *((span, []) for span in worked_up)]
    # the emergency department (and the hospital that admits for it) works a presenting
    # symptom up to exclude what threatens
    problems, addressed = problem_element(
        doc,
        c,
        items,
        symptoms_undiagnosed=setting == "emergency",
        symptoms_worked_up=setting == "hospital",
    )
    if setting == "hospital":
        admitting = _admitting(doc, c)
        problems = _inpatient_severity(doc, c, problems, addressed, admitting=admitting)
    elif setting == "emergency" and admission_decided(doc, c) is not None:
        # an acute illness or a flare the emergency physician admits the patient for needs
        # escalation to hospital care: a threat to bodily function / severe exacerbation. An
        # injury kept for observation (a concussion) stays an acute complicated injury
        illnesses = [p for p in addressed if not p.code.startswith("S")]
        problems = _inpatient_severity(doc, c, problems, illnesses, admitting=False)
    data = data_element(doc, c, billed_tests)
    risk = risk_element(doc, c)
    if (
        setting == "hospital"
        and risk.level < 3
        and not _consultation(doc)
        and _admission_told(doc, c)
        and not _discharge_planned(doc, c)
    ):
        # an admitting history and physical documents the decision for hospitalization (not
        # a first inpatient note whose plan sends the patient home: no admission decided)
        risk = Element(3, "high", risk.span, ["decision for hospital admission"])
    level = mdm_level(problems.level, data.level, risk.level)
    timed = total_minutes(doc)
    minutes = timed[0] if timed else None
    if setting == "office" and _count(doc, "preventive", c, kinds=_PURPOSE_KINDS):
        if not status_documented and patient_status not in ("new", "established"):
            status = "established"  # a physical takes the whole history of everyone
        preventive = _preventive(doc, status, status_documented, problems, data, risk, level)
        if preventive is not None:
            if risk.level >= 2 and any(p.kind in _SIGNIFICANT for p in addressed):
                # a problem worked up or treated beyond the physical (a flare with a new
                # prescription) is a separate problem-oriented visit, reported with 25
                doc.memo[_PROBLEM_VISIT] = code_for("office", status, level)
            return preventive
    # critical care is reported by its time wherever it is furnished (CPT: the codes do not
    # depend on the place of service): a hospitalist's follow-up or an emergency record with a
    # hospital course that documents 30 minutes or more of critical care time is 99291
    critical = _critical_care_minutes(doc)
    if critical is not None and critical[0] >= _CRITICAL_CARE_MIN:
        return _critical_care(doc, status, problems, data, risk, level, critical)
    if setting == "discharge":
        return _discharge(doc, status, problems, data, risk, level, timed)
    by_time = time_level(setting, status, minutes)
    basis = "mdm"
    if by_time is not None and by_time >= level:
        basis = "time"  # documented total time supports this level (or a higher one)
    final = by_time if basis == "time" and by_time is not None else level
    code = code_for(setting, status, final)
    if (
        setting == "office"
        and status == "established"
        and basis == "mdm"
        and level == 0
        and problems.span is None
        and risk.span is None
    ):
        code = "99211"
    evidence_span = _evidence(problems, data, risk, level, timed if basis == "time" else None)
    confidence = _confidence(problems, data, risk, basis, status_documented, setting)
    return {
        "code": code,
        "patient_status": status,
        "basis": basis,
        "mdm": {
            "problems": problems.name,
            "data": data.name,
            "risk": risk.name,
            "level": MDM_NAMES[level],
        },
        "total_minutes": minutes,
        "evidence": _quote(doc, evidence_span),
        "confidence": confidence,
        "rationale": _rationale(
            setting, status, status_documented, problems, data, risk, level, basis, minutes, code
        ),
    }


def _past_stay(doc: Document, span: tuple[int, int]) -> bool:
    from agentkit.coding.engine.icd10.coder import PAST_STAY

    sent = doc.sentence_at(span[0])
    lo, hi = (sent.start, sent.end) if sent is not None else span
    return PAST_STAY.search(doc.text[lo:hi]) is not None


def _off_goal_only(doc: Document, c: Cues, problem: Problem) -> bool:
    """The item tells its chronic illness off goal by a measure only ("hyperlipidemia with
    elevated triglycerides"), no flare of it: not what needs the hospital."""
    t = doc.tokens
    lo, hi = t.index_at_or_after(problem.span[0]), t.index_before(problem.span[1])
    names = _problem_names(doc, c, lo, hi)
    return "off_goal" in names and not names & {"exacerbation", "side_effect"}


# problems that, when they bring the patient into the hospital, threaten bodily function
_NEEDS_HOSPITAL_CARE = frozenset({"systemic", "exacerbation"})


def _inpatient_severity(
    doc: Document, c: Cues, problems: Element, found: list[Problem], *, admitting: bool
) -> Element:
    """An acute illness with systemic symptoms or a chronic illness flaring badly enough to
    need hospital care poses a threat to bodily function in the near term without that care
    (AMA: the high level of problems addressed), at an admission or an inpatient consultation.

    At an admission (not a consultation) the first assessment item is the illness the patient
    is admitted for: a chronic illness that needs the hospital is not at its treatment goal
    (AMA: stable means at goal), unless the item itself says it is stable or controlled."""
    if problems.level >= 3:
        return problems
    severe = next(
        (p for p in found if p.kind in _NEEDS_HOSPITAL_CARE and not _off_goal_only(doc, c, p)),
        None,
    )
    why = "acute or exacerbated illness needing hospital care (threat to bodily function)"
    if severe is None and admitting and found and found[0].kind == "stable":
        first = found[0]
        t = doc.tokens
        lo, hi = t.index_at_or_after(first.span[0]), t.index_before(first.span[1])
        if "stable" not in _problem_names(doc, c, lo, hi):
            severe = first
            why = "chronic illness the patient is admitted for (threat to bodily function)"
    if severe is None:
        return problems
    return Element(3, "high", severe.span, [*problems.detail, why])


# problems whose work at a preventive visit is significant and separately identifiable (not a
# stable chronic illness or a minor problem the physical takes care of)
_SIGNIFICANT = frozenset({"threat", "exacerbation", "new_uncertain", "systemic"})
_PROBLEM_VISIT = "em:problem-visit-with-preventive"


def managed_beside_procedure(
    doc: Document, procedure_sentences: Iterable[int], date_of_service: date | None = None
) -> bool:
    """Does a visit that performs a minor procedure also address another problem and manage it
    with prescription drugs (``separate`` in ``data/mdm.yaml``)? Then the visit is significant
    and separately identifiable, reported beside the procedure with modifier 25; otherwise its
    evaluation only decided on the procedure, which includes it (NCCI ch. I/XI).

    Two or more distinct problems must be addressed, and the drug management must be told in a
    sentence of its own, not the procedure's ("injected with 40 mg of triamcinolone")."""
    if not doc.tokens.norms:
        return False
    c = cues()
    if visit_setting(doc, c) not in ("office", "emergency"):
        return False
    from agentkit.coding.engine.icd10.coder import statement_codes

    items = statement_codes(doc, c.sections["problems"], date_of_service)
    _, addressed = problem_element(doc, c, items)
    if _distinct(addressed) < 2:
        return False
    own = set(procedure_sentences)
    phrases = c.matcher("separate")
    for si in _sentences(doc, c.sections["risk"]):
        if si in own:
            continue
        s = doc.sentences[si]
        found = _hits(doc, phrases, s.tok_lo, s.tok_hi, _COUNTED)
        if any(name == "drug_management" for name, _, _ in found):
            return True
    return False


def problem_visit_with_preventive(doc: Document) -> str | None:
    """The problem-oriented office visit code billed beside a preventive visit (with modifier
    25), when ``level_visit`` found the preventive visit addressing a significant problem (a
    chronic illness flaring, a new problem worked up) with prescription-level management."""
    found = doc.memo.get(_PROBLEM_VISIT)
    return found if isinstance(found, str) else None


# where a visit states its purpose (not the plan: "next well-child check in one year")
_PURPOSE_KINDS = frozenset(
    {"chief_complaint", "hpi", "history", "assessment", "impression", "diagnosis", "body", "other"}
)
# preventive medicine codes by age band (upper age in years, exclusive): new, established
_PREVENTIVE = (
    (1, "99381", "99391"),
    (5, "99382", "99392"),
    (12, "99383", "99393"),
    (18, "99384", "99394"),
    (40, "99385", "99395"),
    (65, "99386", "99396"),
    (200, "99387", "99397"),
)


def _preventive(
    doc: Document,
    status: str,
    documented: bool,
    problems: Element,
    data: Element,
    risk: Element,
    level: int,
) -> dict[str, Any] | None:
    """A preventive medicine visit: 99381-99387 (new) or 99391-99397 (established) by the
    age the note states; None when it states no age."""
    age = _stated_age(doc)
    if age is None:
        return None
    years, span = age
    new, est = next((nw, es) for top, nw, es in _PREVENTIVE if years < top)
    code = new if status == "new" else est
    told = "" if documented else " (status not stated: established assumed)"
    return {
        "code": code,
        "patient_status": status,
        "basis": "mdm",
        "mdm": {
            "problems": problems.name,
            "data": data.name,
            "risk": risk.name,
            "level": MDM_NAMES[level],
        },
        "total_minutes": None,
        "evidence": _quote(doc, span),
        "confidence": 0.7 if documented else 0.6,
        "rationale": (
            f"Preventive medicine visit of a {status} patient aged {years:g} years{told}: {code}."
        ),
    }


_CRITICAL_CARE_MIN = 30  # under 30 minutes, critical care is reported as an ordinary E/M
_HOUR_WORDS = {"one": 1, "an": 1, "a": 1, "two": 2, "three": 3}
_TIME_TOLD = frozenset({"time", "spent", "minutes", "hour", "hours"})
_CRITICAL_CARE_PLACES = frozenset({"unit", "units", "bay", "area", "ward", "service", "team"})
_BELOW = frozenset({"less", "under", "fewer", "below"})


def _critical_care_minutes(doc: Document) -> tuple[int, tuple[int, int]] | None:
    """'Total critical care time spent at the bedside was 1 hour': the minutes (or hours) of
    critical care the note documents, from the sentence that names critical care time."""
    t = doc.tokens
    if "critical" not in t.norms:  # most notes: their sentences are not looked at one by one
        return None
    for sent in doc.sentences:
        words = t.norms[sent.tok_lo : sent.tok_hi]
        # the critical care unit is a place, not the service ("12 hours in the critical care
        # unit")
        padded = [*words, "", ""]
        named = any(
            w == "critical"
            and padded[i + 1] == "care"
            and padded[i + 2] not in _CRITICAL_CARE_PLACES
            for i, w in enumerate(words)
        )
        if not named or not _TIME_TOLD & set(words):
            continue
        total = 0
        for i, w in enumerate(words[1:], start=1):
            num = words[i - 1]
            # "less than 30 minutes", "under 30 minutes": a bound below the number told
            below = 1 if _BELOW.intersection(words[max(0, i - 3) : i - 1]) else 0
            if w in ("minutes", "minute", "min", "mins") and num.isdigit():
                total += int(num) - below
            elif w in ("hour", "hours") and (num.isdigit() or num in _HOUR_WORDS):
                total += 60 * (int(num) if num.isdigit() else _HOUR_WORDS[num]) - below
        if total:
            return total, (sent.start, sent.end)
    return None


def critical_care_addon_units(minutes: int | None) -> int:
    """Units of the add-on 99292 beside 99291: one for each further 30 minutes, or part of
    them past the midpoint, beyond the first 74 (75-104 minutes: 1; 105-134: 2; ...)."""
    if minutes is None or minutes < 75:
        return 0
    return (minutes - 75) // 30 + 1


def _critical_care(
    doc: Document,
    status: str,
    problems: Element,
    data: Element,
    risk: Element,
    level: int,
    timed: tuple[int, tuple[int, int]],
) -> dict[str, Any]:
    """Critical care by time: 99291 for the first 30-74 minutes (each further 30 minutes is
    the add-on 99292, which ``code_cpt`` lists beside it)."""
    minutes = timed[0]
    extra = critical_care_addon_units(minutes)
    more = f"; {extra} unit(s) of the add-on 99292 for the time beyond 74 minutes" if extra else ""
    return {
        "code": "99291",
        "patient_status": status,
        "basis": "time",
        "mdm": {
            "problems": problems.name,
            "data": data.name,
            "risk": risk.name,
            "level": MDM_NAMES[level],
        },
        "total_minutes": minutes,
        "evidence": _quote(doc, timed[1]),
        "confidence": 0.75,
        "rationale": f"Critical care time {minutes} minutes documented: 99291{more}.",
    }


def _discharge_minutes(doc: Document) -> tuple[int, tuple[int, int]] | None:
    """'More than 30 minutes were spent on the discharge': minutes in a sentence about the
    discharge or the time spent, wherever the number stands."""
    t = doc.tokens
    for i, w in enumerate(t.norms):
        if w not in ("minutes", "minute", "min", "mins") or i == 0 or not t.norms[i - 1].isdigit():
            continue
        sent = doc.sentence_at(t.starts[i])
        if sent is None:
            continue
        words = set(t.norms[sent.tok_lo : sent.tok_hi])
        if words & {"discharge", "spent", "total"}:
            return int(t.norms[i - 1]), (sent.start, sent.end)
    return None


def _discharge(
    doc: Document,
    status: str,
    problems: Element,
    data: Element,
    risk: Element,
    level: int,
    timed: tuple[int, tuple[int, int]] | None,
) -> dict[str, Any]:
    """Hospital discharge day management: 99239 for more than 30 minutes, else 99238."""
    timed = timed or _discharge_minutes(doc)
    minutes = timed[0] if timed else None
    over = False
    if timed is not None:
        said = doc.text[timed[1][0] : timed[1][1]].lower()
        over = any(w in said for w in ("more than", "greater than", "over ", "in excess of", ">"))
    long_stay = minutes is not None and (minutes > 30 or (minutes == 30 and over))
    code = "99239" if long_stay else "99238"
    span = timed[1] if timed else (problems.span or risk.span or data.span)
    why = (
        f"total time {minutes} minutes documented"
        if minutes is not None
        else "no discharge time documented, so 30 minutes or less"
    )
    return {
        "code": code,
        "patient_status": status,
        "basis": "time",
        "mdm": {
            "problems": problems.name,
            "data": data.name,
            "risk": risk.name,
            "level": MDM_NAMES[level],
        },
        "total_minutes": minutes,
        "evidence": _quote(doc, span),
        "confidence": 0.8 if minutes is not None else 0.7,
        "rationale": f"Discharge summary: hospital discharge day management, {why}. {code}.",
    }


def _evidence(
    problems: Element,
    data: Element,
    risk: Element,
    level: int,
    timed: tuple[int, tuple[int, int]] | None,
) -> tuple[int, int] | None:
    if timed is not None:
        return timed[1]
    for element in (risk, problems, data):
        if element.level >= level and element.span is not None:
            return element.span
    return problems.span or risk.span or data.span


def _confidence(
    problems: Element,
    data: Element,
    risk: Element,
    basis: str,
    status_documented: bool,
    setting: str,
) -> float:
    levels = sorted((problems.level, data.level, risk.level))
    score = 0.78 if basis == "time" else 0.72
    if basis == "mdm":
        if levels[0] == levels[2]:
            score += 0.06  # all three elements agree
        elif levels[1] == levels[2]:
            score += 0.03  # the deciding pair agrees
        if levels[2] - levels[0] >= 2:
            score -= 0.05  # one element far from the others: the level is debatable
        if problems.span is None:
            score -= 0.1
    if not status_documented:
        score -= 0.04
    if setting != "office":
        score -= 0.04
    return round(max(0.3, min(0.85, score)), 2)


def _rationale(
    setting: str,
    status: str,
    status_documented: bool,
    problems: Element,
    data: Element,
    risk: Element,
    level: int,
    basis: str,
    minutes: int | None,
    code: str,
) -> str:
    where = {
        "discharge": "Hospital discharge",
        "office": "Office/outpatient",
        "emergency": "Emergency department",
        "hospital": "Initial hospital",
        "subsequent": "Subsequent hospital",
        "nursing_initial": "Initial nursing facility",
        "nursing": "Subsequent nursing facility",
    }[setting]
    who = f"{status} patient" + ("" if status_documented else " (not stated in the note)")
    text = (
        f"{where} visit, {who}. Problems {problems.name} ({'; '.join(problems.detail)}), "
        f"data {data.name} ({'; '.join(data.detail)}), risk {risk.name}: "
        f"MDM {MDM_NAMES[level]} (two of three elements)."
    )
    if minutes is not None:
        text += f" Total time documented: {minutes} minutes"
        text += (
            " sets the level." if basis == "time" else " (MDM gives the same or a higher level)."
        )
    return text + f" {code}."
