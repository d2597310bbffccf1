"""A size written just before an implant or instrument measures the device, not the defect:
hernia codes go by the defect, not by the mesh laid over it."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.text.attributes import sizes


def test_mesh_and_stent_sizes_are_not_measurements_of_the_lesion() -> None:
    doc = analyze("The 4 cm defect was closed and a 15 x 20 cm composite mesh placed.")
    assert [s.largest_cm for s in sizes(doc)] == [4.0]
    doc = analyze("A 6 x 100 mm self-expanding stent was deployed across the 3 cm stricture.")
    assert [s.largest_cm for s in sizes(doc)] == [3.0]


def test_a_wound_closed_over_a_drain_keeps_its_length() -> None:
    doc = analyze("The 3 cm wound was closed over a drain.")
    assert [s.largest_cm for s in sizes(doc)] == [3.0]


def test_ventral_hernia_is_coded_by_its_defect_not_its_mesh() -> None:
    note = (
        "PROCEDURE: Laparoscopic ventral hernia repair with mesh.\n"
        "DESCRIPTION: The 4 cm reducible ventral hernia defect was closed and a 15 x 20 cm "
        "composite mesh was placed intraperitoneally."
    )
    codes = [p["code"] for p in code_cpt(note)["procedures"]]
    assert codes == ["49593"]  # 3-10 cm reducible, not the over-10 cm 49595


def test_young_infant_and_preterm_inguinal_hernias() -> None:
    infant = (
        "PROCEDURE: Left inguinal hernia repair in a 7-week-old boy born at term.\n"
        "DESCRIPTION: The indirect sac was dissected from the cord and high ligated."
    )
    preterm = (
        "PROCEDURE: Left inguinal hernia repair in a 6-week-old former 30-week premature infant.\n"
        "DESCRIPTION: The indirect sac was dissected from the cord and high ligated."
    )
    assert [p["code"] for p in code_cpt(infant)["procedures"]] == ["49495"]
    assert [p["code"] for p in code_cpt(preterm)["procedures"]] == ["49491"]
