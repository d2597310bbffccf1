"""A needle (core, Tru-Cut) biopsy of the liver taken during another major abdominal
operation is the add-on 47001 beside that operation; the percutaneous biopsy stays 47000, a
wedge of liver taken at the operation 47100, and a biopsy at a diagnostic laparoscopy is not
the add-on."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> set[str]:
    return {p["code"] for p in code_cpt(note)["procedures"]}


def test_core_biopsy_of_the_liver_at_a_cholecystectomy_is_47001() -> None:
    note = """PROCEDURES PERFORMED: Laparoscopic cholecystectomy. Core needle biopsy of the liver.
DESCRIPTION: Four ports were placed. The cystic duct and artery were clipped and divided and
the gallbladder taken off the liver bed. The liver looked cirrhotic, so a Tru-Cut needle
biopsy of the left lobe was taken through a stab wound. The gallbladder was bagged and removed.
"""
    codes = _codes(note)
    assert {"47562", "47001"} <= codes
    assert "47000" not in codes


def test_a_wedge_of_liver_at_a_colectomy_is_not_the_needle_addon() -> None:
    note = """PROCEDURES PERFORMED: Right hemicolectomy. Wedge biopsy of the liver.
DESCRIPTION: The right colon was mobilized and resected with a stapled ileocolic anastomosis.
A wedge biopsy of a small nodule at the edge of segment 3 was excised with cautery.
"""
    codes = _codes(note)
    assert "47001" not in codes
    assert "47100" in codes


def test_a_percutaneous_liver_biopsy_is_not_the_addon() -> None:
    note = """PROCEDURE: Ultrasound-guided percutaneous core needle biopsy of the liver.
DESCRIPTION: Under ultrasound guidance an 18 gauge core needle was passed into the right lobe
and two cores were obtained.
"""
    codes = _codes(note)
    assert "47001" not in codes
    assert "47000" in codes
