"""When an E/M visit on the day of a procedure needs modifier 25.

Modifier 25 says the visit was a significant, separately identifiable service beyond the usual
pre- and post-procedure work of a procedure done at the same encounter. It is only needed
next to a procedure that carries its own evaluation: a minor procedure (0- or 10-day global,
in the surgery or the medicine section) or one of the injection, infusion,
immunization-administration or wound-care services NCCI bundles with a visit. Laboratory
tests (an in-office urinalysis) and imaging never need it, and neither does a major (90-day)
procedure, whose decision-for-surgery visit takes 57.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["needs_modifier_25", "procedure_needs_separate_em"]

# Medicine-section services that NCCI bundles with a same-day E/M unless it is separate.
_MEDICINE_RANGES = (
    (90460, 90474),  # immunization administration
    (96360, 96379),  # hydration, therapeutic injections and infusions
    (96401, 96549),  # chemotherapy administration
    (94640, 94640),  # inhalation treatment
    (97597, 97610),  # active wound care, negative pressure wound therapy
    (92950, 92950),  # cardiopulmonary resuscitation
)


def _number(code: str) -> int | None:
    digits = code.strip()[:5]
    return int(digits) if len(digits) == 5 and digits.isdigit() else None


def procedure_needs_separate_em(code: str, kb: Any = None) -> bool:
    """Does reporting ``code`` on the day of an E/M make the E/M need modifier 25?"""
    n = _number(code)
    if n is None or 99000 <= n <= 99499:  # E/M and special services are not procedures here
        return False
    if any(lo <= n <= hi for lo, hi in _MEDICINE_RANGES):
        return True
    entry = kb.cpt.get(code) if kb is not None and getattr(kb, "cpt", None) is not None else None
    global_days = getattr(entry, "global_days", None) if entry is not None else None
    if 90000 <= n <= 99199:
        # a medicine-section procedure with its own minor-surgery global period (a
        # nasopharyngoscopy 92511, a cardioversion 92960) carries its evaluation too
        return str(global_days) in ("000", "010")
    if not 10004 <= n <= 69990:  # anesthesia, radiology, pathology/lab
        return False
    if global_days is None:
        return True  # a surgical code we cannot look up: assume a minor procedure
    return str(global_days) in ("000", "010")


def needs_modifier_25(em_code: str, procedure_codes: Iterable[str], kb: Any = None) -> bool:
    """True when ``em_code`` is an E/M visit billed with at least one procedure that makes the
    visit need modifier 25 (see module docstring). ``kb`` (``agentkit.coding.knowledge(dos)``)
    lets the global period of each surgical code decide; without it every surgical code
    counts as minor."""
    n = _number(em_code)
    if n is None or not 99202 <= n <= 99499:
        return False
    return any(procedure_needs_separate_em(c, kb) for c in procedure_codes if c != em_code)
