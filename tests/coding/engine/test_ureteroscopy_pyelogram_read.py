"""At a ureteroscopy the urologist's retrograde pyelogram is still his to read: when he tells
what it showed (no filling defect, the collecting system normal or not opacified) the imaging
supervision and interpretation 74420 is coded beside the ureteroscopy (no NCCI edit pairs
them); the ureteroscopy's own findings ("no further stones") are no reading of the study. A
retrograde study of the side opposite the ureteroscopy keeps its 52005 with its own side; on
the ureteroscopy's side it is part of the ureteroscopy."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [
        p["code"] + "".join("-" + m for m in p["modifiers"]) for p in code_cpt(note)["procedures"]
    ]


def test_pyelogram_read_at_a_ureteroscopy_is_74420() -> None:
    note = """PROCEDURE PERFORMED: Cystoscopy, left retrograde pyelogram, left ureteroscopy with
laser lithotripsy and stent placement.
DESCRIPTION: A left retrograde pyelogram showed a filling defect in the distal ureter with mild
hydronephrosis above it. A wire was passed and the semirigid ureteroscope advanced to the
stone, which was broken with the holmium laser and the pieces basketed. A 6 x 24 double J stent
was placed on the left.
"""
    codes = _codes(note)
    assert "52356-LT" in codes
    assert "74420" in codes
    assert not any(c.startswith("52005") for c in codes)


def test_ureteroscopy_findings_alone_are_no_pyelogram_reading() -> None:
    note = """PROCEDURE PERFORMED: Cystoscopy, left retrograde pyelogram, left ureteroscopy with
laser lithotripsy.
DESCRIPTION: Contrast was injected up the left ureter. A wire was passed and the ureteroscope
advanced to the stone, which was fragmented with the laser and basketed. On a final pass there
were no further stones.
"""
    codes = _codes(note)
    assert "52353-LT" in codes
    assert "74420" not in codes


def test_a_retrograde_of_the_other_side_keeps_52005() -> None:
    note = """PROCEDURES PERFORMED:
1. Cystoscopy with left ureteroscopy, laser lithotripsy and stent placement.
2. Right retrograde pyelogram.
DESCRIPTION: A right retrograde pyelogram was normal, without filling defects. The left ureter
was then entered with the ureteroscope and a 6 mm stone fragmented with the laser. A double J
stent was left on the left.
"""
    codes = _codes(note)
    assert "52356-LT" in codes
    assert "52005-RT" in codes


def test_a_stent_told_as_left_on_the_side_is_inserted() -> None:
    note = """PROCEDURE PERFORMED: Right ureteroscopy with laser lithotripsy.
DESCRIPTION: The ureteroscope was passed up the right ureter to the stone, which was dusted with
the holmium laser. A 6 x 26 double J stent was left on the right with its curl in the bladder.
"""
    assert "52356-RT" in _codes(note)
