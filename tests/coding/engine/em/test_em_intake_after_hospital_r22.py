"""A therapist's intake session with a patient first met in the hospital (so the note reads as
an established patient's) that closes with a DSM multiaxial diagnosis is still the diagnostic
evaluation, 90791; a later session that is no intake keeps its E/M code, and fluid "intake"
in a medical note names no session."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_AXES = """AXIS I: Panic disorder.
AXIS II: No diagnosis.
AXIS III: Asthma.
AXIS IV: Family conflict.
AXIS V: GAF 58.
"""

INTAKE = (
    """REASON FOR REFERRAL: A 15-year-old girl I first saw on the pediatric ward during her
stay for breathing spells, now booked in my office for follow-up care. Today was a one-hour
intake session with her and her aunt.
PRESENTING PROBLEMS: Spells of racing heart and fear of dying three times a week.
FAMILY BACKGROUND: Lives with her aunt.
IMPRESSION: Panic attacks that the hospital workup found no medical cause for.
PLAN: Teach breathing skills at the next session.
"""
    + _AXES
)

LATER_SESSION = (
    """SUBJECTIVE: A 15-year-old girl I first saw on the pediatric ward, back for her third
session. Spells are down to once a week.
ASSESSMENT: Improving.
PLAN: Continue weekly sessions.
"""
    + _AXES
)

FLUID_INTAKE = (
    """SUBJECTIVE: A 15-year-old girl I first saw on the pediatric ward, back for follow-up
of her panic attacks. Poor fluid intake this week.
ASSESSMENT: Panic disorder, better.
PLAN: Continue sertraline 50 mg daily.
"""
    + _AXES
)


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_intake_of_a_patient_met_in_the_hospital_is_90791() -> None:
    assert _codes(INTAKE) == ["90791"]


def test_later_session_keeps_its_visit_code() -> None:
    codes = _codes(LATER_SESSION)
    assert codes and codes[0].startswith("9921")


def test_fluid_intake_is_no_intake_session() -> None:
    codes = _codes(FLUID_INTAKE)
    assert codes and codes[0].startswith("9921")
