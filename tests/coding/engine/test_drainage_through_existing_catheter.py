"""Fluid let out of the abdomen through a catheter already in place (a pigtail placed days
earlier, a tunneled peritoneal drain) is no paracentesis: no new puncture is made. A needle
paracentesis is 49082 (49083 with imaging guidance)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

THROUGH_PIGTAIL = """PROCEDURE: Paracentesis.
DESCRIPTION: A pigtail catheter was placed by interventional radiology last week into a large
cystic abdominal collection and capped at discharge. Today after consent and a sterile prep I
unclamped the existing pigtail catheter and withdrew 800 mL of clear fluid through it with a
syringe, then attached a drainage bag.
"""

NEEDLE = """PROCEDURE: Paracentesis.
DESCRIPTION: The left lower quadrant was prepped and anesthetized. A paracentesis needle was
introduced into the peritoneal cavity and 3 liters of straw-colored ascites were drained.
"""


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_fluid_drawn_through_a_catheter_already_in_place_is_no_paracentesis() -> None:
    assert "49082" not in _codes(THROUGH_PIGTAIL)
    assert "49083" not in _codes(THROUGH_PIGTAIL)


def test_a_needle_paracentesis_is_still_coded() -> None:
    assert _codes(NEEDLE) == ["49082"]
