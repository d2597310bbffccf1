"""Entry points of the offline coder, one per bundled spec, and the table the ``local``
provider uses to fill a spec's output contract.

    code_cpt(note, patient=None, date_of_service=None)          -> cpt_coding output
    code_icd10cm(note, patient=None, date_of_service=None)      -> icd10cm_coding output
    level_em(note, patient_status="unknown", date_of_service=None) -> em_level output

Plug-in points for the ICD-10-CM coder and the E/M leveler (their own packages):

* ``agentkit.coding.engine.icd10.code_diagnoses(doc, *, patient, date_of_service)``
  returns the ``diagnoses`` items of the icd10cm_coding output (code, sequence, evidence,
  confidence, rationale), first-listed first;
* ``agentkit.coding.engine.em.level_visit(doc, *, patient_status, date_of_service)``
  returns the em_level output dict.

``doc`` is the :class:`~agentkit.coding.engine.text.document.Document` already analysed, so a
note is read once whatever the spec. Until a plug-in exists, cpt_coding leaves its part out
and the spec that needs it is refused as unsupported.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from typing import Any

from agentkit.coding.engine.cpt.coder import CptResult, code_procedures
from agentkit.coding.engine.em import critical_care_addon_units, problem_visit_with_preventive
from agentkit.coding.engine.em.eye import eye_exam_code
from agentkit.coding.engine.em.modifier import needs_modifier_25, procedure_needs_separate_em
from agentkit.coding.engine.em.psychiatric import psychiatric_evaluation_code
from agentkit.coding.engine.language import is_english_clinical
from agentkit.coding.engine.note_knowledge import note_knowledge
from agentkit.coding.engine.note_type import (
    headed_visit,
    is_stay_summary,
    note_type,
    unheaded_visit,
)
from agentkit.coding.engine.text.document import Document, analyze
from agentkit.coding.static_data import collector_paused
from agentkit.errors import InputError, UnsupportedSpec

__all__ = [
    "FILLERS",
    "SUPPORTED_SPECS",
    "code_cpt",
    "code_icd10cm",
    "fill",
    "level_em",
    "read_note",
]

MAX_NOTE_CHARS = 5_000_000


def read_note(spec: str, note: Any) -> Document:
    """Validate the note input and analyse it; an empty note is a clear input error."""
    if not isinstance(note, str):
        raise InputError(spec, [("note", f"must be text, not {type(note).__name__}")])
    if not note.strip():
        raise InputError(spec, [("note", "is empty; give the full text of the clinical note")])
    if len(note) > MAX_NOTE_CHARS:
        raise InputError(
            spec, [("note", f"is {len(note):,} characters; the limit is {MAX_NOTE_CHARS:,}")]
        )
    return analyze(note)


def _dos(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _plugin(module: str, attr: str) -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module(f"agentkit.coding.engine.{module}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("agentkit.coding.engine"):
            return None
        raise
    found = getattr(mod, attr, None)
    return found if callable(found) else None


def _diagnoses(doc: Document, patient: Any, dos: date | None) -> list[dict[str, Any]]:
    coder = _plugin("icd10", "code_diagnoses")
    if coder is None:
        return []
    found: list[dict[str, Any]] = coder(doc, patient=patient, date_of_service=dos)
    return found


def _visit_level(
    doc: Document, status: str, dos: date | None, billed: frozenset[int] = frozenset()
) -> dict[str, Any] | None:
    leveler = _plugin("em", "level_visit")
    if leveler is None:
        return None
    found: dict[str, Any] | None = leveler(
        doc, patient_status=status, date_of_service=dos, billed_tests=billed
    )
    return found


def _is_test(code: str) -> bool:
    """Imaging, laboratory, EKG and spirometry: a test whose own code pays for its reading."""
    return code[:1] in ("7", "8") or code in _TESTS


_TESTS = frozenset({"93000", "93005", "93010", "93040", "93041", "93042", "94010", "94060"})


def _billed_test_sentences(result: CptResult, procedures: list[dict[str, Any]]) -> frozenset[int]:
    """Sentences that tell a test this claim reports with its own code."""
    billed = {p["code"] for p in procedures if _is_test(str(p["code"]))}
    return frozenset(
        m.sentence.index for ln in result.lines if ln.code in billed for m in ln.hit.mentions
    )


def _age(patient: Any) -> int | None:
    age = patient.get("age") if isinstance(patient, dict) else getattr(patient, "age", None)
    return age if isinstance(age, int) and not isinstance(age, bool) and 0 <= age <= 130 else None


def cpt_result(doc: Document, dos: date | None, patient: Any = None) -> CptResult | None:
    """The procedure coding of an English clinical note (None for garbage/other languages)."""
    if not is_english_clinical(doc):
        return None
    return code_procedures(doc, date_of_service=dos, age=_age(patient))


@collector_paused()  # a note makes no cycles (see static_data)
def code_cpt(
    note: str, *, patient: Any = None, date_of_service: Any = None, doc: Document | None = None
) -> dict[str, Any]:
    """Fill the ``cpt_coding`` output: procedures (E/M first for a visit) and diagnoses."""
    doc = doc or read_note("cpt_coding", note)
    dos = _dos(date_of_service)
    result = cpt_result(doc, dos, patient)
    if result is None:
        return {"procedures": [], "diagnoses": []}
    procedures = list(result.procedures)
    # a consultation letter or a short clinic note without headings is a visit when it tells
    # an encounter and an examination and no procedure was found in it, and so is a note with
    # a visit's presenting problem and assessment typed otherwise for one heading
    is_visit = (
        note_type(doc) == "visit"
        or is_stay_summary(doc)
        or (not procedures and (unheaded_visit(doc) or headed_visit(doc)))
        or (bool(procedures) and headed_visit(doc) and _ed_minor_procedures(doc, procedures, dos))
        or (bool(procedures) and headed_visit(doc) and _office_minor_procedures(doc, result, dos))
    )
    if is_visit and not _procedure_visit(doc, result, dos):
        procedures, bill_visit = _facility_visit_lines(doc, procedures, dos)
        billed = _billed_test_sentences(result, procedures)
        visit = _visit_level(doc, "unknown", dos, billed) if bill_visit else None
        if visit is not None and visit.get("code"):
            code = visit["code"]
            if code.startswith(("9920", "9921")):
                # an eye doctor's office examination is reported with the eye exam codes
                code = eye_exam_code(doc, visit.get("patient_status", "established")) or code
            risk = str(visit.get("mdm", {}).get("risk", ""))
            # a psychiatrist's diagnostic evaluation is reported with 90791/90792
            psychiatric = psychiatric_evaluation_code(doc, code, risk)
            em_line = {
                "code": code,
                "modifiers": [],
                "units": 1,
                "evidence": visit.get("evidence") or doc.text.strip()[:80],
                "confidence": visit.get("confidence", 0.7),
                "rationale": visit.get("rationale", "Visit level from medical decision making."),
            }
            if code != visit["code"]:
                em_line["rationale"] = (
                    f"{em_line['rationale']} The examination is an eye doctor's (visual acuity,"
                    f" eye pressure or slit lamp, fundus): reported as the eye examination {code}."
                )
            if psychiatric is not None:
                em_line["code"] = psychiatric
                em_line["rationale"] = (
                    f"{em_line['rationale']} A psychiatric diagnostic evaluation (psychiatric"
                    " history and mental status examination): reported as"
                    f" {psychiatric} ({'with' if psychiatric == '90792' else 'without'}"
                    " medical services)."
                )
            kb = note_knowledge(doc, dos)
            if needs_modifier_25(visit["code"], [p["code"] for p in procedures], kb):
                # a separately identifiable visit on the day of a minor procedure or injection
                # (not for labs or imaging, and not before a 90-day major procedure)
                em_line["modifiers"] = ["25"]
            procedures.insert(0, em_line)
            extra = critical_care_addon_units(visit.get("total_minutes"))
            if code == "99291" and extra:
                # critical care beyond the first 74 minutes: the add-on for each further 30
                procedures.insert(
                    1,
                    {
                        **em_line,
                        "code": "99292",
                        "units": extra,
                        "rationale": (
                            f"Critical care of {visit['total_minutes']} minutes: {extra} unit(s)"
                            " of the add-on for each further 30 minutes beyond the first 74."
                        ),
                    },
                )
            problem_code = problem_visit_with_preventive(doc)
            if problem_code is not None and code.startswith(("9938", "9939")):
                # a significant problem addressed at the physical: its own visit, with 25
                procedures.insert(
                    1,
                    {
                        **em_line,
                        "code": problem_code,
                        "modifiers": ["25"],
                        "rationale": (
                            "A problem addressed at the preventive visit with significant,"
                            " separately identifiable work (a flare or a new problem managed"
                            f" with prescription drugs): problem-oriented visit {problem_code}"
                            " with modifier 25 beside the preventive service."
                        ),
                    },
                )
    diagnoses = [
        {"code": d["code"], "evidence": d["evidence"], "confidence": d["confidence"]}
        for d in _diagnoses(doc, patient, dos)
    ]
    return {"procedures": procedures, "diagnoses": diagnoses}


# deliveries reported with their postpartum care (the obgyn rules give them only for a
# summary by the delivering physician), and the add-ons done at a cesarean
_DELIVERY_WITH_POSTPARTUM = frozenset({"59410", "59515", "59614", "59622"})
_DELIVERY_ADD_ONS = frozenset({"58611"})


def _facility_visit_lines(
    doc: Document, procedures: list[dict[str, Any]], dos: date | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """What a hospital or ED visit's author bills, and whether the visit itself is billed.

    A discharge summary headed as one (discharge diagnoses, condition on discharge, discharge
    instructions) bills the discharge-day management only: an operation of the stay listed in
    it is documented, and billed, on its own operative report (a one-line "PROCEDURES: Total
    abdominal hysterectomy" is no operative documentation). A stay summary with no discharge
    heading that tells a major operation (90-day global) - a delivery note with a hospital
    course - bills that operation instead, the discharge being in its global package.
    In a hospital, ED or discharge note, laboratory tests (80000-89999: a urinalysis, a
    fingerstick glucose) are the facility laboratory's, not the physician's; only an office
    performs and bills them."""
    setting_of = _plugin("em", "visit_setting")
    setting = setting_of(doc) if setting_of is not None else None
    if setting in (None, "office"):
        return procedures, True
    if setting == "discharge":
        if any("discharg" in s.heading.lower() for s in doc.sections) or is_stay_summary(doc):
            # ... except the delivering physician's own summary of a delivery stay: the
            # delivery with its postpartum care, whose global package holds the discharge
            package = [p for p in procedures if p["code"] in _DELIVERY_WITH_POSTPARTUM]
            if package:
                return package + [p for p in procedures if p["code"] in _DELIVERY_ADD_ONS], False
            return [], True
        kb = note_knowledge(doc, dos)
        operations = [
            p
            for p in procedures
            if 10004 <= (_number(p["code"]) or 0) <= 69990
            and not procedure_needs_separate_em(p["code"], kb)
        ]
        return operations, not operations
    # the hospital's, the ED's or the facility's electrocardiogram is its own tracing: the
    # physician who reads it reports the interpretation alone (93010), never the global 93000
    return [
        p
        for p in procedures
        if not 80000 <= (_number(p["code"]) or 0) <= 89999 and p["code"] != "93000"
    ], True


def _ed_minor_procedures(doc: Document, procedures: list[dict[str, Any]], dos: date | None) -> bool:
    """An emergency department record (history, examination, assessment) with a PROCEDURE
    NOTE heading whose procedures are all minor (a 0- or 10-day global: a nerve block, a
    laceration closed): the ED evaluation is billed beside them (modifier 25), as the
    emergency physician evaluates the presenting problem before deciding on the procedure."""
    setting_of = _plugin("em", "visit_setting")
    if setting_of is None or setting_of(doc) != "emergency":
        return False
    kb = note_knowledge(doc, dos)
    return all(
        10004 <= (_number(p["code"]) or 0) <= 69990 and procedure_needs_separate_em(p["code"], kb)
        for p in procedures
    )


def _office_minor_procedures(doc: Document, result: CptResult, dos: date | None) -> bool:
    """An office visit (presenting problem, assessment or plan) with a PROCEDURES heading
    whose procedures are all minor (a 0- or 10-day global: a laryngoscopy, an injection) and
    that also manages a problem with prescription drugs outside the procedure's sentences
    (``managed_beside_procedure``): a significant, separately identifiable visit, billed with
    modifier 25 beside the procedure. Without that management the evaluation only decided on
    the procedure, which includes it."""
    kb = note_knowledge(doc, dos)
    if not result.lines or not all(
        10004 <= (_number(line.code) or 0) <= 69990 and procedure_needs_separate_em(line.code, kb)
        for line in result.lines
    ):
        return False
    separate = _plugin("em", "managed_beside_procedure")
    own = {m.sentence.index for line in result.lines for m in line.hit.mentions}
    return separate is not None and separate(doc, own, dos)


def _procedure_visit(doc: Document, result: CptResult, dos: date | None) -> bool:
    """A visit whose plan tells a minor surgical procedure as done ("P - the ingrown nail
    border was excised", "the patient was given an injection into the plantar fascia"): the
    evaluation that led to it is part of the procedure (NCCI: the decision for a minor
    procedure is not a separate E/M), so the procedure is the service, not a visit."""
    kb = note_knowledge(doc, dos)
    done = [
        line
        for line in result.lines
        if line.hit.mentions[0].section_kind == "plan"
        and _number(line.code) is not None
        and 10004 <= (_number(line.code) or 0) <= 69990
        and procedure_needs_separate_em(line.code, kb)
    ]
    if not done:
        return False
    # ... unless the visit also manages another problem with prescription drugs: then it is
    # significant and separately identifiable, billed beside the procedure with modifier 25
    separate = _plugin("em", "managed_beside_procedure")
    own = {m.sentence.index for line in done for m in line.hit.mentions}
    return not (separate is not None and separate(doc, own, dos))


def _number(code: str) -> int | None:
    return int(code) if len(code) == 5 and code.isdigit() else None


@collector_paused()  # a note makes no cycles (see static_data)
def code_icd10cm(
    note: str, *, patient: Any = None, date_of_service: Any = None, doc: Document | None = None
) -> dict[str, Any]:
    """Fill the ``icd10cm_coding`` output."""
    if _plugin("icd10", "code_diagnoses") is None:
        raise UnsupportedSpec(
            "the ICD-10-CM coder is not installed in this build", provider="local"
        )
    doc = doc or read_note("icd10cm_coding", note)
    if not is_english_clinical(doc):
        return {"diagnoses": []}
    return {"diagnoses": _diagnoses(doc, patient, _dos(date_of_service))}


@collector_paused()  # a note makes no cycles (see static_data)
def level_em(
    note: str,
    *,
    patient_status: str = "unknown",
    date_of_service: Any = None,
    doc: Document | None = None,
) -> dict[str, Any]:
    """Fill the ``em_level`` output."""
    if _plugin("em", "level_visit") is None:
        raise UnsupportedSpec("the E/M leveler is not installed in this build", provider="local")
    doc = doc or read_note("em_level", note)
    found = _visit_level(doc, patient_status or "unknown", _dos(date_of_service))
    if found is None:
        raise UnsupportedSpec("the E/M leveler returned no level", provider="local")
    return found


def _fill_cpt(inputs: dict[str, Any]) -> dict[str, Any]:
    return code_cpt(
        inputs.get("note"),  # type: ignore[arg-type]
        patient=inputs.get("patient"),
        date_of_service=inputs.get("date_of_service"),
    )


def _fill_icd(inputs: dict[str, Any]) -> dict[str, Any]:
    return code_icd10cm(
        inputs.get("note"),  # type: ignore[arg-type]
        patient=inputs.get("patient"),
        date_of_service=inputs.get("date_of_service"),
    )


def _fill_em(inputs: dict[str, Any]) -> dict[str, Any]:
    return level_em(
        inputs.get("note"),  # type: ignore[arg-type]
        patient_status=str(inputs.get("patient_status") or "unknown"),
        date_of_service=inputs.get("date_of_service"),
    )


FILLERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "cpt_coding": _fill_cpt,
    "icd10cm_coding": _fill_icd,
    "em_level": _fill_em,
}
SUPPORTED_SPECS: tuple[str, ...] = tuple(FILLERS)


def fill(spec: str, inputs: dict[str, Any]) -> dict[str, Any]:
    """The output of ``spec`` for ``inputs``; UnsupportedSpec for any other spec."""
    filler = FILLERS.get(spec)
    if filler is None:
        raise UnsupportedSpec(
            f"spec {spec!r} is not supported by local (the offline coder fills "
            f"{', '.join(SUPPORTED_SPECS)}); route it to an LLM provider",
            provider="local",
        )
    return filler(inputs)
