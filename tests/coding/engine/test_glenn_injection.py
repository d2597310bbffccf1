"""An injection into a Glenn or Fontan connection, which opens onto the branch pulmonary
arteries, is the congenital pulmonary angiography add-on 93568."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


GLENN = """HISTORY: A 3-year-old with hypoplastic left heart syndrome after a Norwood operation and
a bidirectional Glenn, before a Fontan.
PROCEDURE: Cardiac catheterization. A catheter was passed from the right internal jugular vein
into the Glenn shunt and both branch pulmonary arteries, and from the femoral vein to the right
atrium and right ventricle. A pigtail catheter was passed retrograde to the ascending aorta.
An injection was performed in the Glenn shunt showing unobstructed branch pulmonary arteries.
"""


def test_an_injection_into_the_glenn_is_pulmonary_angiography() -> None:
    codes = _codes(GLENN)
    assert "93597" in codes and "93568" in codes
