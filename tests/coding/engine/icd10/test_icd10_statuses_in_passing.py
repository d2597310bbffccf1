"""Statuses a note tells in passing (guideline I.C.21.c.3, reported wherever documented): the
patient's own pacemaker named in an operative note (Z95.0; a pacemaker-defibrillator is the
defibrillator's Z95.810) and steroids taken for a long time however it is said ("on chronic
steroids", "maintenance prednisone": Z79.52) - not a course or taper of steroids.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_OPERATION = """PREOPERATIVE DIAGNOSIS: Right inguinal hernia.
POSTOPERATIVE DIAGNOSIS: Right inguinal hernia, indirect.
PROCEDURE: Open repair of right inguinal hernia with mesh.
DESCRIPTION: {story} The hernia sac was dissected free and reduced, and the floor repaired
with a polypropylene mesh.
"""

_VISIT = """HISTORY OF PRESENT ILLNESS: A 64-year-old with rheumatoid arthritis seen for follow up.
{story}
ASSESSMENT:
1. Rheumatoid arthritis.
PLAN: Continue methotrexate. Return in three months.
"""


def _operation(story: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(_OPERATION.format(story=story)))]


def _visit(story: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(_VISIT.format(story=story)))]


def test_the_patients_pacemaker_named_in_passing_is_its_status() -> None:
    found = _operation("Bipolar cautery only was used because of the patient's pacemaker.")
    assert "Z95.0" in found


def test_a_pacemaker_defibrillator_is_the_defibrillators_status() -> None:
    found = _operation("A magnet was placed over his pacemaker defibrillator before the incision.")
    assert "Z95.810" in found and "Z95.0" not in found


def test_a_pacemaker_to_be_placed_is_no_status() -> None:
    found = _operation("Cardiology will see him for a pacemaker placement next week.")
    assert not any(c.startswith("Z95") for c in found)


def test_long_term_steroids_however_said_are_a_status() -> None:
    assert "Z79.52" in _visit("She is on chronic steroids and methotrexate.")
    assert "Z79.52" in _visit("She takes maintenance prednisone 5 mg a day.")


def test_a_steroid_course_or_taper_is_no_long_term_use() -> None:
    assert "Z79.52" not in _visit("She finished a prednisone taper for a flare last month.")
