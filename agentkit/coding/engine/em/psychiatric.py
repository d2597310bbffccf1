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


def psychiatric_evaluation_code(doc: Document, em_code: str, risk: str) -> str | None:
    """90792 / 90791 for a psychiatric diagnostic evaluation leveled as ``em_code`` with
    management ``risk`` (the MDM risk level's name), else None."""
    if not em_code.startswith(_FIRST_ENCOUNTERS):
        return None
    headings = [s.heading.lower() for s in doc.sections]
    if not any(_PSYCHIATRIC_HISTORY in h for h in headings):
        return None
    if not any(_MENTAL_STATUS in h and "mini" not in h for h in headings):
        return None
    return "90792" if risk in _MEDICAL_RISK else "90791"
