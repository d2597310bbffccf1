"""A retrograde pyelogram done through the cystoscope at a bladder tumor resection is its own
service: the ureteral catheterization 52005 stays beside the resection with 59, and when the
urologist reads the study in the note (the ureter and collecting system described) the
imaging supervision and interpretation 74420 is added. A retrograde named but not read adds no
74420; a ureteroscopy includes the ureteral catheterization 52005, but a retrograde the
urologist reads there still adds its 74420 (no NCCI edit pairs them; the r24 label codes it).
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_turbt_with_read_bilateral_retrogrades() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Bladder tumor, 1.5 cm, left lateral wall.\n"
        "PROCEDURE PERFORMED: Cystoscopy, bilateral retrograde pyelograms, transurethral "
        "resection of bladder tumor.\n"
        "DETAILS: The cystoscope was passed. A 1.5 cm papillary bladder tumor was seen on the left "
        "lateral wall. Using a cone-tip catheter, right and left retrograde pyelograms were "
        "obtained, showing no filling defects and no hydronephrosis. The resectoscope was passed "
        "and the bladder tumor was resected and its base fulgurated.\n"
    )
    found = _lines(note)
    assert "52234" in found
    assert "59" in found["52005"]
    assert "74420" in found


def test_a_retrograde_not_read_adds_no_74420() -> None:
    note = (
        "PROCEDURE PERFORMED: Cystoscopy and left retrograde pyelogram.\n"
        "DETAILS: The cystoscope was passed and a left retrograde pyelogram was performed with a "
        "cone-tip catheter; films were sent for the radiologist.\n"
    )
    found = _lines(note)
    assert "52005" in found
    assert "74420" not in found


def test_ureteroscopy_includes_its_catheterization_not_the_read_study() -> None:
    note = (
        "PROCEDURE PERFORMED: Cystoscopy, left retrograde pyelogram, left ureteroscopy with "
        "laser lithotripsy and stent placement.\n"
        "DETAILS: A left retrograde pyelogram showed a filling defect in the distal ureter. The "
        "ureteroscope was passed and the stone fragmented with the holmium laser. A 6 x 26 "
        "double-J stent was placed.\n"
    )
    found = _lines(note)
    assert "52356" in found
    assert "74420" in found
    assert "52005" not in found
