"""What kind of note is this: an operative/procedure note, an imaging report, a visit?

The same words mean different things in different notes: "CT of the head" is the service
in a radiology report but only reviewed data in an office visit, where the service is the
E/M visit itself. Rules can limit themselves to note types. The decision uses the section
headings (which notes reliably have) and the words of the note's title.
"""

from __future__ import annotations

from collections.abc import Sequence

from agentkit.coding.engine.text.document import Document
from agentkit.coding.engine.text.phrases import PhraseSet

__all__ = [
    "NOTE_TYPES",
    "headed_visit",
    "is_discharge_summary",
    "is_postoperative_progress",
    "is_stay_summary",
    "is_teaching_case",
    "note_type",
    "title_sentences",
    "unheaded_visit",
]

NOTE_TYPES = ("procedure", "radiology", "visit", "pathology", "other")

_PROCEDURE_KINDS = {
    "procedure",
    "description",
    "preop_dx",
    "postop_dx",
    "anesthesia",
    "complications",
}
_VISIT_KINDS = {
    "hpi",
    "chief_complaint",
    "ros",
    "exam",
    "vitals",
    "social_history",
    "family_history",
}
_RADIOLOGY_KINDS = {"technique", "comparison"}
# the sections of a review-of-systems or examination template
_TEMPLATE_KINDS = frozenset({"ros", "exam", "vitals", "other"})

_IMAGING: PhraseSet[str] = PhraseSet()
for _p in (
    "ct",
    "cta",
    "mri",
    "mra",
    "mr (angiogra*|imaging)",
    "computed tomograph*",
    "magnetic resonance",
    "ultrasound",
    "sonogra*",
    "doppler",
    "duplex",
    "x ray",
    "xray",
    "radiograph*",
    "(#|one|two|three|four|single) (view|views)",
    "mammogra*",
    "pet",
    "nuclear medicine",
    "scintigra*",
    "dexa",
    "bone density",
    "fluoroscop*",
    "esophagram",
    "barium",
    "arteriogra*",
    "venogra*",
    "echocardiogra*",
    "ivp",
    "pyelogra*",
    # nuclear medicine studies named by what they image
    "(gastric emptying|hida|hepatobiliary|thyroid|bone|gallium|octreotide|mibg"
    "|ventilation perfusion|v q|vq|lung perfusion|gi bleed*|gastrointestinal bleed*|bleeding"
    "|tagged red blood cell|tagged rbc|renal|muga|parathyroid)"
    " ~2 (scan|study|scintigra*|imaging|images|uptake)",
    "renogra*",
    "lymphoscintigra*",
    "cholescintigra*",
    "radionuclide",
    "radioisotope",
    "radiotracer",
):
    _IMAGING.add(_p, "imaging")

# Diagnostic tests reported the way imaging is (a study with an interpretation), not visits.
_DIAGNOSTIC_TEST: PhraseSet[str] = PhraseSet()
for _p in (
    "nuclear",
    "myocardial perfusion",
    "spect",
    "(stress|treadmill|exercise) (test*|echo*|ecg|ekg)",
    "bruce protocol",
    "(lexiscan|regadenoson|adenosine|dobutamine|cardiolite|myoview|sestamibi|thallium)",
    "holter",
    "event monitor*",
    "echo",
    "2 d",
    "transthoracic",
    "transesophageal",
    "carotid",
    "ankle brachial",
    "scan",
):
    _DIAGNOSTIC_TEST.add(_p, "test")


def title_sentences(doc: Document) -> list[int]:
    """Indexes of the sentences that name the services: the procedure list (PROCEDURE
    PERFORMED, OPERATION, EXAM ...) and, when the note opens with a short untitled line, that
    line."""
    out = [s.index for s in doc.sentences if s.section_kind == "procedure"]
    # "EXAM: CT of the head" names the study; "EXAM: Alert, no distress" is a physical exam
    seen: set[int] = set()
    study_exams = _study_exam_sections(doc)
    body_part_only = False
    for s in doc.sentences:
        if s.section_kind == "exam" and s.section_index not in seen:
            seen.add(s.section_index)
            if _IMAGING.find_all(doc.tokens.norms, s.tok_lo, s.tok_hi):
                out.append(s.index)
            elif s.section_index in study_exams and not _DIAGNOSTIC_TEST.find_all(
                doc.tokens.norms, s.tok_lo, s.tok_hi
            ):
                out.append(s.index)
                body_part_only = True
    if body_part_only:
        # "EXAM: Left knee." - the interpretation's opening sentence names the study
        # ("Three views of the left knee show ...")
        for s in doc.sentences:
            if s.section_kind in ("impression", "findings", "technique") and _IMAGING.find_all(
                doc.tokens.norms, s.tok_lo, s.tok_hi
            ):
                out.append(s.index)
                break
    out.sort()
    if doc.sentences:
        first = doc.sentences[0]
        if (
            first.section_kind in ("body", "other")
            and first.tok_hi - first.tok_lo <= 14
            and not _POSTOP_DAY.find_all(doc.tokens.norms, first.tok_lo, first.tok_hi)
        ):
            # "POSTOPERATIVE DAY #1, TOTAL ABDOMINAL HYSTERECTOMY" titles a progress note:
            # the operation is the one being recovered from, not this note's service
            out.insert(0, first.index)
    return out


# A day of the recovery after an operation: a postoperative progress note's title or opening.
_POSTOP_DAY: PhraseSet[str] = PhraseSet()
for _p in (
    "(postoperative|postop|post operative|post op) (day|days) (#|one|two|three|four|five|six"
    "|seven|number)",
    "(first|second|third|fourth|fifth|sixth|seventh|1st|2nd|3rd|4th|5th|6th|7th)"
    " (postoperative|postop|post operative|post op) day",
    "pod (#|number)",
    "(s p|status post) ~6 (yesterday|last night|this morning|day before yesterday)",
):
    _POSTOP_DAY.add(_p, "postop_day")

_OPERATIVE_REPORT_KINDS = {"preop_dx", "postop_dx", "anesthesia", "description", "procedure"}


def is_postoperative_progress(doc: Document) -> bool:
    """A progress note written in the days after an operation ("POD #2", "third
    postoperative day", "s/p lap chole yesterday, doing well"): it opens on the recovery day
    and has none of an operative report's headings. Its service is the follow-up visit,
    which the operation's global period covers; the operation it names is not billed again."""
    if not doc.sentences or {s.kind for s in doc.sections} & _OPERATIVE_REPORT_KINDS:
        return False
    norms = doc.tokens.norms
    return any(_POSTOP_DAY.find_all(norms, s.tok_lo, s.tok_hi) for s in doc.sentences[:3])


# Headings only a test report has: with one, a short "EXAM: Left knee." line is the study's
# title (the body part x-rayed), not a physical examination.
_REPORT_HEADINGS = ("reason for exam", "reason for study", "interpretation")


def _study_exam_sections(doc: Document) -> set[int]:
    """EXAM sections whose first sentence names a study ("EXAM: CT of the head", or a body
    part in a report with REASON FOR EXAM / INTERPRETATION): the title of a report, not a
    physical examination."""
    out: set[int] = set()
    seen: set[int] = set()
    headings = " ".join(s.heading.lower() for s in doc.sections)
    report = any(h in headings for h in _REPORT_HEADINGS)
    # a study's FINDINGS in a note without a visit's history, symptoms review or vitals: a
    # one-line EXAM ("EXAM: Cervical, thoracic and lumbar spine.") is the study's title
    kinds = {s.kind for s in doc.sections}
    visit_parts = {"hpi", "ros", "vitals", "chief_complaint"}
    findings_report = "findings" in kinds and not kinds & visit_parts
    lines_in: dict[int, int] = {}
    for s in doc.sentences:
        lines_in[s.section_index] = lines_in.get(s.section_index, 0) + 1
    for s in doc.sentences:
        if s.section_kind == "exam" and s.section_index not in seen:
            seen.add(s.section_index)
            if (
                _IMAGING.find_all(doc.tokens.norms, s.tok_lo, s.tok_hi)
                or _DIAGNOSTIC_TEST.find_all(doc.tokens.norms, s.tok_lo, s.tok_hi)
                or (report and s.tok_hi - s.tok_lo <= 6)
                or (
                    findings_report and lines_in[s.section_index] == 1 and s.tok_hi - s.tok_lo <= 10
                )
            ):
                out.add(s.section_index)
    return out


def _names_a_study(doc: Document) -> bool:
    norms = doc.tokens.norms
    return bool(
        _IMAGING.find_all(norms, 0, len(norms)) or _DIAGNOSTIC_TEST.find_all(norms, 0, len(norms))
    )


_DISCHARGE_HEADINGS = (
    "hospital course",
    "course in the hospital",
    "course in hospital",
    "hospital summary",
    "discharge diagnos",
    "discharge summary",
    "death summary",
)
# headings only a discharge or transfer summary has: they outweigh a PROCEDURES list
_DISCHARGE_TITLES = (
    "discharge diagnos",
    "diagnoses on discharge",
    "diagnosis on discharge",
    "discharge summary",
    "death summary",
    "transfer diagnos",
    "transfer summary",
)


def is_discharge_summary(doc: Document) -> bool:
    """A discharge, transfer or death summary: the hospital course and the discharge (or
    transfer) diagnoses, or a summary of the stay told with an operation's heading
    (``is_stay_summary``). Its service is the discharge-day management; procedures in its
    course were billed by whoever did them, on their own notes."""
    return _headed_summary(doc) or is_stay_summary(doc)


def _headed_summary(doc: Document) -> bool:
    """A summary by its own headings (discharge diagnoses, a hospital course without an
    operation's heading): ``note_type`` reads it as a visit. (A note with only the condition
    or medications on discharge or transfer is not read as one: measured, reading those as
    visits gained 2 E/M lines but cost 5 ICD-10-CM false positives, as the diagnosis reader
    then codes their narrative.)"""
    headings = " ".join(s.heading.lower() for s in doc.sections)
    kinds = {s.kind for s in doc.sections}
    # an operative report; "PRELIMINARY DIAGNOSES" (read as the preoperative one) is the
    # admitting diagnosis of a summary
    operative = bool(kinds & {"postop_dx", "anesthesia"}) or any(
        s.kind == "preop_dx" and "op" in s.heading.lower() for s in doc.sections
    )
    if operative:
        return False
    if any(h in headings for h in _DISCHARGE_TITLES):
        return True
    if any(h in headings for h in _DISCHARGE_HEADINGS):
        if "description" in kinds:
            return False
        # an admission history and physical closed by a short HOSPITAL COURSE ("The patient
        # was admitted for further evaluation. A diagnostic procedure was performed.") that
        # never tells a discharge documents the admission, not the discharge day
        stay_only = not any(h in headings for h in _DISCHARGE_HEADINGS if h not in _STAY_HEADINGS)
        return not (stay_only and _admission_workup(doc, headings))
    return False


def _admission_workup(doc: Document, headings: str) -> bool:
    """The note takes the admission's history and examination (HPI, exam) and nowhere tells
    a discharge: no discharge word, no final or admitting diagnoses, disposition or
    follow-up heading."""
    kinds = {s.kind for s in doc.sections}
    if not ({"hpi", "chief_complaint"} & kinds and "exam" in kinds):
        return False
    if any(h in headings for h in (*_ADMISSION_HEADINGS, "disposition", "follow")):
        return False
    # a discharge from an earlier stay told in the history ("she was discharged on four
    # antibiotics" two weeks ago) is not this stay's; the hospital course (read as history)
    # tells this stay
    told = [s for s in doc.sections if s.kind in _PAST_KINDS and "course" not in s.heading.lower()]
    t = doc.tokens
    norms = [
        n
        for n, start in zip(t.norms, t.starts, strict=True)
        if not any(s.start <= start < s.end for s in told)
    ]
    return not _tells_discharge(norms)


# the sections that tell what happened before this encounter
_PAST_KINDS = frozenset({"chief_complaint", "hpi", "history", "pmh", "psh"})


# "discharged", "for discharge", "discharge home" tell the patient leaving; "no nipple
# discharge" in an examination is a finding
_DISCHARGE_BEFORE = frozenset({"on", "at", "upon", "for", "before", "after", "until", "prior"})
_DISCHARGE_AFTER = frozenset(
    {"home", "to", "from", "date", "instructions", "plan", "planning", "medications", "summary"}
)


def _tells_discharge(norms: Sequence[str]) -> bool:
    for i, n in enumerate(norms):
        if n in ("discharged", "discharging"):
            return True
        if n == "discharge" and (
            (i > 0 and norms[i - 1] in _DISCHARGE_BEFORE)
            or (i + 1 < len(norms) and norms[i + 1] in _DISCHARGE_AFTER)
        ):
            return True
    return False


# headings of the hospital stay and of the discharge itself
_STAY_HEADINGS = ("hospital course", "course in the hospital", "course in hospital")
_AT_DISCHARGE_HEADINGS = (
    "on discharge",
    "at discharge",
    "upon discharge",
    "at the time of discharge",
    "discharge medication",
    "discharge condition",
    "discharge disposition",
    "discharge exam",
    "discharge physical",
    "discharge date",
    "date of discharge",
)
# headings of the whole admission: its final or admitting diagnoses, its dates
_ADMISSION_HEADINGS = (
    "final diagnos",
    "admission diagnos",
    "admitting diagnos",
    "diagnoses on admission",
    "diagnosis on admission",
    "date of admission",
    "admission date",
)


def is_stay_summary(doc: Document) -> bool:
    """A summary of a hospital stay told with an operation's heading (FINAL DIAGNOSES,
    OPERATION, HOSPITAL COURSE; or PROCEDURE, SUMMARY, PHYSICAL EXAMINATION ON DISCHARGE): a
    hospital course with a discharge heading or the admission's final or admitting diagnoses,
    or a discharge heading with those diagnoses.
    Its service is the discharge day; the operations it tells were billed by the surgeon on
    the operative note. (``note_type`` keeps its heading's type, so the diagnosis reader
    reads its diagnoses, not its narrative.)"""
    if any(
        s.kind in ("postop_dx", "anesthesia")
        or (s.kind == "preop_dx" and "op" in s.heading.lower())
        for s in doc.sections
    ):
        return False  # an operative report
    headings = " ".join(s.heading.lower() for s in doc.sections)
    stay = any(h in headings for h in _STAY_HEADINGS)
    at_discharge = any(h in headings for h in _AT_DISCHARGE_HEADINGS)
    admission = any(h in headings for h in _ADMISSION_HEADINGS)
    if not stay:
        # a discharge heading with the final diagnoses: also an emergency visit's record
        # (FINAL DIAGNOSIS, DISCHARGE MEDICATIONS), which has its complaint and symptom review
        return (
            at_discharge
            and admission
            and not any(s.kind in ("chief_complaint", "ros") for s in doc.sections)
        )
    # (a hospital course that only tells the discharge - "discharged home on the second
    # postpartum day" - under DIAGNOSES and the delivery is the delivering physician's note of
    # the delivery stay, which bills the delivery)
    return at_discharge or admission


def note_type(doc: Document) -> str:
    """``procedure``, ``radiology``, ``visit``, ``pathology`` or ``other`` (module docstring)."""
    cached = doc.memo.get("note_type")
    if isinstance(cached, str):
        return cached  # several stages ask; the answer is the same for the whole note
    found = _note_type(doc)
    doc.memo["note_type"] = found
    return found


def is_teaching_case(doc: Document) -> bool:
    """A case written up for teaching (see ``_is_teaching_case``), read as a study report."""
    return _is_teaching_case(doc)


def _is_teaching_case(doc: Document) -> bool:
    """A case summary written for teaching (CC / HX / EXAM / COURSE, no assessment or plan):
    not an encounter to bill as a visit; it is presented for the studies it reports, read
    as a report (the study named under its own heading, "MRI L-SPINE: normal")."""
    heads = [s.heading.lower().strip() for s in doc.sections]
    kinds = {s.kind for s in doc.sections}
    return (
        bool(heads)
        and heads[0] == "cc"
        and "course" in heads
        and not kinds & {"assessment", "plan", "impression", "diagnosis", "procedure"}
    )


# Headings of an electrodiagnostic study's results: the note reports the study (nerve
# conduction, needle EMG) as a test report, not an office visit, even when it opens with a
# history and an exam.
_STUDY_RESULT_HEADINGS = ("nerve conduction", "needle emg", "electromyograph", "emg findings")


# Headings of a physical, occupational or speech therapist's evaluation (its goals), which is
# billed with the therapy evaluation codes, not as an E/M visit.
_THERAPY_PLAN_HEADINGS = (
    "short-term goal",
    "long-term goal",
    "short term goal",
    "long term goal",
    "patient goal",
    "patient's goal",
)


# Headings of a social worker's psychosocial assessment (a transplant candidate's or donor's
# psychosocial evaluation): coping, income and support, with no physical examination.
_PSYCHOSOCIAL_HEADINGS = (
    "coping",
    "source of income",
    "financial situation",
    "support system",
    "psychosocial perspective",
    "emotional reaction",
    "psychosocial assessment",
    "psychosocial evaluation",
)


def _psychosocial_assessment(doc: Document, headings: str) -> bool:
    """Two or more psychosocial assessment headings and no examination section."""
    found = sum(h in headings for h in _PSYCHOSOCIAL_HEADINGS)
    return found >= 2 and not any(s.kind == "exam" for s in doc.sections)


def _note_type(doc: Document) -> str:
    if _headed_summary(doc) or is_postoperative_progress(doc):
        return "visit"
    headings = " ".join(s.heading.lower() for s in doc.sections)
    if any(h in headings for h in _STUDY_RESULT_HEADINGS):
        return "radiology"  # a diagnostic test's report
    if any(h in headings for h in _THERAPY_PLAN_HEADINGS):
        return "other"  # a therapist's evaluation and plan of care, not a physician's visit
    if _psychosocial_assessment(doc, headings):
        return "other"  # a social worker's assessment: E/M codes are for physicians and QHPs
    if _is_teaching_case(doc):
        return "radiology"
    study_exams = _study_exam_sections(doc)
    kinds = {
        s.kind for i, s in enumerate(doc.sections) if not (s.kind == "exam" and i in study_exams)
    }
    if study_exams:
        kinds.add("technique")  # an EXAM line naming the study is a report's heading
    headings = " ".join(s.heading.lower() for s in doc.sections)
    if "microscopic" in headings or "gross description" in headings:
        return "pathology"  # a pathologist's report: no procedure of the note's author to code
    if (
        "final diagnosis" in headings
        and "specimen" in headings
        and not kinds & {"preop_dx", "postop_dx", "anesthesia", "description", "technique"}
    ):
        # SPECIMEN / FINAL DIAGNOSIS / COMMENT: the pathologist's diagnosis of the parts the
        # surgeon sent ("Lung, wedge biopsy right lower lobe"), not the surgeon's note
        return "pathology"
    titles = title_sentences(doc)
    imaging_title = any(
        _IMAGING.find_all(doc.tokens.norms, doc.sentences[i].tok_lo, doc.sentences[i].tok_hi)
        for i in titles
    )
    surgical = bool(kinds & {"preop_dx", "postop_dx", "anesthesia"})
    has_proc = surgical or "description" in kinds
    visit_score = len(kinds & _VISIT_KINDS)
    if (
        visit_score < 2
        and not surgical
        and (
            (imaging_title and (kinds & _RADIOLOGY_KINDS or "description" not in kinds))
            or (kinds & _RADIOLOGY_KINDS and "description" not in kinds)
        )
    ):
        return "radiology"
    if (
        visit_score == 0
        and not has_proc
        and "procedure" not in kinds
        and kinds & {"impression", "findings"}
        and _names_a_study(doc)
    ):
        # INDICATION / FINDINGS / INTERPRETATION / IMPRESSION of a test: a diagnostic report
        return "radiology"
    if has_proc or "procedure" in kinds:
        return "procedure" if visit_score < 3 or "description" in kinds else "visit"
    if (visit_score >= 1 or "history" in kinds) and kinds & {
        "assessment",
        "plan",
        "impression",
        "diagnosis",
    }:
        # a plain HISTORY heading tells the present illness of a consultation or clinic
        # note ("HISTORY: ... RECOMMENDATIONS: ..."): with an assessment or plan, a visit
        return "visit"
    if kinds <= _TEMPLATE_KINDS:
        # only a review of systems or an examination (vital signs), with no presenting problem
        # and no assessment: a normal-findings template or a fragment, no encounter
        return "other"
    if visit_score >= 2:
        return "visit"
    if "history" in kinds and "exam" in kinds and "course" not in headings.split():
        # HISTORY / PHYSICAL EXAMINATION / DISCUSSION: the history and the examination of an
        # encounter, whatever the heading of the counseling that closes it (a case told to
        # its COURSE is a case summary, not an encounter)
        return "visit"
    return "other"


# An encounter told without headings (a consultation letter, a short clinic note): the
# clinician sees the patient today or at someone's request
_ENCOUNTER: PhraseSet[str] = PhraseSet()
for _p in (
    "(seen|evaluated|examined|saw|see|seeing) ~4"
    " (today|this (morning|afternoon)|in (the)? ~2 (clinic|office))",
    "(presents|presented|comes|came|returns|returned) ~6 (clinic|office) (today)?",
    "(presents|presented|comes|came|returns|returned) (today)? (in|for) (a)? (followup|follow up)",
    "(presents|presented|comes|came|returns|returned) (today)? for (a|further)?"
    " (consultation|consult)",
    "(referred|sent|referral) ~4 (consultation|evaluation|assessment|opinion)",
    "(pleasure|privilege) of seeing",
    "(at|during|on) (today s|this|the current) (visit|evaluation|examination|appointment)",
    "(asked|requested|consulted) to see",
    "(thank you|thanks) ~6 (referral|referring|consultation|allowing me|asking me)",
    "(seen|evaluated|examined) (at|in) (the|our) ~4 (clinic|office|institute|center) (on|today)",
    "second opinion",
    # arrived or sent here for more work-up ("comes to our hospital, sent on by another
    # emergency room for further evaluation"; "presents to the ER")
    "(presents|presented|comes|came|brought|transferred|sent) ~12 for further"
    " (evaluation|assessment|management|workup|work up|care)",
    "(presents|comes|is brought|arrives) to (the|our)? ~3 (emergency|er|ed)",
):
    _ENCOUNTER.add(_p, "encounter")


def unheaded_visit(doc: Document) -> bool:
    """A note without headings (a consultation letter, a short clinic note) that tells an
    encounter (seen today, referred for evaluation, the pleasure of seeing, a service asked to
    see the patient). No examination is required: under the 2021 and 2023 E/M rules the level
    rests on decision making, and a clinic letter or an inpatient service's note often tells
    none. ``note_type`` reads such a note as ``other``; the caller decides it is a visit only
    when no procedure was found in it, so an unheaded operative or injection note stays one."""
    if note_type(doc) != "other":
        return False
    if any(s.kind not in ("body", "other") for s in doc.sections):
        return False
    norms = doc.tokens.norms
    return bool(_ENCOUNTER.find_all(norms, 0, len(norms)))


# the parts of a visit note: the presenting problem and the clinician's assessment or plan
_PRESENTING_KINDS = frozenset({"hpi", "chief_complaint"})
_ASSESSING_KINDS = frozenset({"assessment", "impression", "plan", "diagnosis"})
_OPERATIVE_KINDS = frozenset({"preop_dx", "postop_dx", "anesthesia"})


def _history_tells_encounter(doc: Document) -> bool:
    """A plain HISTORY heading that tells the present encounter ("presents in followup after
    ...", "seen today in the clinic"): the visit's presenting problem."""
    norms = doc.tokens.norms
    return any(
        s.section_kind == "history" and _ENCOUNTER.find_all(norms, s.tok_lo, s.tok_hi)
        for s in doc.sentences
    )


def headed_visit(doc: Document) -> bool:
    """A note with a visit's presenting problem (HISTORY OF PRESENT ILLNESS, CHIEF COMPLAINT)
    and its assessment or plan, but no operative report's headings, that ``note_type`` reads
    as a procedure or report only because of another heading ("PROCEDURE NOTE" in an ED
    visit, "PROCEDURES AND IMMUNIZATIONS" in a consultation template). The caller decides it
    is a visit only when no procedure was found in it: the encounter is then the service."""
    if note_type(doc) not in ("procedure", "radiology"):
        return False
    kinds = {s.kind for s in doc.sections}
    return (
        bool(kinds & _PRESENTING_KINDS or _history_tells_encounter(doc))
        and bool(kinds & _ASSESSING_KINDS)
        and not kinds & _OPERATIVE_KINDS
        and not _is_teaching_case(doc)
    )
