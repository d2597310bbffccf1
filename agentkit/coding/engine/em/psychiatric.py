"""Psychiatric diagnostic evaluation (90791/90792) in place of a first encounter's E/M code.

A psychiatrist's diagnostic evaluation - an admission evaluation on a psychiatric unit, a
psychiatric consultation on the floor or in the emergency department, an office intake - takes
the psychiatric history and examines the mental status before it gives a psychiatric diagnosis.
The house rules report it with the psychiatric diagnostic evaluation codes: 90792 when it
includes medical services (the physician manages medication), 90791 without them. A medical
history and physical on a psychiatric unit (a physical examination, no mental status
examination), a follow-up visit and a discharge keep their E/M codes.
"""

from __future__ import annotations

from agentkit.coding.engine.text.document import Document

__all__ = ["psychiatric_evaluation_code"]

# first encounters a diagnostic evaluation may take the place of: office, initial hospital
# care (also an inpatient consultation), emergency department
_FIRST_ENCOUNTERS = ("9920", "9921", "9922", "9928")
# what the evaluation takes and examines, as its headings say ("PAST PSYCHIATRIC HISTORY",
# "FAMILY PSYCHIATRIC HISTORY"; "MENTAL STATUS EXAMINATION")
_PSYCHIATRIC_HISTORY = "psychiatric history"
_MENTAL_STATUS = "mental status"
# risk levels that show medical services (prescription drug management or more)
_MEDICAL_RISK = frozenset({"moderate", "high"})


# the abbreviated headings ("PPH:", "MSE:")
_PSYCHIATRIC_HISTORY_ABBREVIATIONS = frozenset({"pph", "past psych history", "psych history"})
_MENTAL_STATUS_ABBREVIATIONS = frozenset({"mse", "mental status"})
# a new patient's first encounter: office (new), initial hospital care, emergency department
_NEW_ENCOUNTERS = ("9920", "9922", "9928")


def psychiatric_evaluation_code(doc: Document, em_code: str, risk: str) -> str | None:
    """90792 / 90791 for a psychiatric diagnostic evaluation leveled as ``em_code`` with
    management ``risk`` (the MDM risk level's name), else None.

    The evaluation is known by its psychiatric history and mental status headings, or - a
    behavioral health intake with a new patient (a psychologist's or therapist's first session,
    often with the parent of a child) - by the DSM multiaxial diagnosis it closes with (Axis I
    to Axis V), which no medical visit gives; such an intake, without the physician's mental
    status examination, is reported without medical services (90791)."""
    # the intake session of a patient already met (seen in the hospital, then booked for the
    # office): still the diagnostic evaluation, which new and established patients both receive
    established_intake = (
        em_code.startswith(_OFFICE_ESTABLISHED)
        and _tells_intake(doc)
        and _multiaxial_diagnosis(doc)
    )
    if not em_code.startswith(_FIRST_ENCOUNTERS) and not established_intake:
        return None
    headings = [s.heading.lower().strip() for s in doc.sections]
    history = any(
        _PSYCHIATRIC_HISTORY in h or h in _PSYCHIATRIC_HISTORY_ABBREVIATIONS for h in headings
    )
    mental_status = any(
        (_MENTAL_STATUS in h and "mini" not in h) or h in _MENTAL_STATUS_ABBREVIATIONS
        for h in headings
    )
    if history and mental_status:
        return "90792" if risk in _MEDICAL_RISK else "90791"
    if not (
        (em_code.startswith(_NEW_ENCOUNTERS) and _multiaxial_diagnosis(doc)) or established_intake
    ):
        return None
    if mental_status:  # a psychiatrist's evaluation that tells the history in the present illness
        return "90792" if risk in _MEDICAL_RISK else "90791"
    # a therapist's intake: the interview and diagnosis without a physician's mental status
    # examination or medical services
    return "90791"


# the session named an intake ("This was a 90-minute intake", "at the intake session"), not an
# amount taken in ("fluid intake", "intake of alcohol", "intake and output")
_OFFICE_ESTABLISHED = "9921"
_NOT_INTAKE_BEFORE = frozenset(
    {
        "fluid",
        "fluids",
        "oral",
        "po",
        "caloric",
        "calorie",
        "alcohol",
        "food",
        "dietary",
        "diet",
        "water",
        "salt",
        "sodium",
        "caffeine",
        "protein",
        "nutritional",
        "poor",
        "decreased",
        "good",
    }
)
_NOT_INTAKE_AFTER = frozenset({"of", "and", "output", "outputs"})


def _tells_intake(doc: Document) -> bool:
    norms = doc.tokens.norms
    for i, n in enumerate(norms):
        if n != "intake":
            continue
        if i > 0 and norms[i - 1] in _NOT_INTAKE_BEFORE:
            continue
        if i + 1 < len(norms) and norms[i + 1] in _NOT_INTAKE_AFTER:
            continue
        return True
    return False


def _multiaxial_diagnosis(doc: Document) -> bool:
    """The note gives a DSM multiaxial diagnosis: Axis I and Axis V (the global assessment of
    functioning) both stated."""
    norms = doc.tokens.norms
    axes = {norms[i + 1] for i in range(len(norms) - 1) if norms[i] == "axis"}
    return "i" in axes and ("v" in axes or "5" in axes)
