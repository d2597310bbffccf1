"""Critical care beyond the first 74 minutes: the add-on 99292 for each further 30 minutes
(CPT critical care time table: 75-104 minutes is 99291 with one 99292, 105-134 with two),
listed beside 99291 by the CPT coder; under 75 minutes there is no add-on."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import critical_care_addon_units

_NOTE = """HISTORY OF PRESENT ILLNESS: Called to the bedside of this woman in the medical ICU
for a falling pressure and new confusion two days after admission for urosepsis.
PHYSICAL EXAMINATION: Mottled knees, pressure 70/40, heart rate 130.
ASSESSMENT AND PLAN:
1. Septic shock. Fluid boluses, norepinephrine titrated up, cultures repeated, antibiotics
broadened.
2. Acute kidney injury. Strict intake and output, renal dosing.
I provided {time} of critical care time today, not counting separately billed procedures.
"""


def _lines(time: str) -> dict[str, int]:
    out = code_cpt(_NOTE.format(time=time))
    return {p["code"]: p["units"] for p in out["procedures"]}


def test_an_hour_and_a_half_of_critical_care_adds_one_unit_of_the_add_on() -> None:
    lines = _lines("90 minutes")
    assert lines.get("99291") == 1
    assert lines.get("99292") == 1


def test_two_hours_of_critical_care_add_two_units() -> None:
    lines = _lines("2 hours")
    assert lines.get("99291") == 1 and lines.get("99292") == 2


def test_under_seventy_five_minutes_there_is_no_add_on() -> None:
    lines = _lines("70 minutes")
    assert lines.get("99291") == 1
    assert "99292" not in lines


def test_add_on_unit_boundaries() -> None:
    assert critical_care_addon_units(74) == 0
    assert critical_care_addon_units(75) == 1
    assert critical_care_addon_units(104) == 1
    assert critical_care_addon_units(105) == 2
    assert critical_care_addon_units(None) == 0
