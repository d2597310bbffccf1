"""An ear (or nose, throat) examination under general anesthesia that is the whole operation -
the drum looked at with the microscope, granulation cleared, the planned repair called off -
is 92502. Any operation on the ear, nose or throat done at the session includes it.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_ear_exam_under_anesthesia_with_repair_called_off() -> None:
    note = (
        "PROCEDURE: Left ear examination under anesthesia.\n"
        "FINDINGS: Under general mask anesthesia the microscope was used to inspect the left "
        "ear. A central perforation with polypoid granulation tissue on the promontory was "
        "found; the granulation was suctioned away. Because of the active infection the "
        "planned tympanoplasty was not done. Ciprofloxacin drops were placed.\n"
    )
    assert _codes(note) == ["92502"]


def test_exam_with_tubes_is_the_tube_operation() -> None:
    note = (
        "PROCEDURE: Bilateral ear examination under anesthesia, bilateral myringotomy with "
        "tympanostomy tubes.\n"
        "DESCRIPTION: Under mask anesthesia both ears were examined with the microscope. An "
        "anterior-inferior myringotomy was made on each side, thick fluid was suctioned and a "
        "tympanostomy tube was placed in each ear.\n"
    )
    codes = _codes(note)
    assert "69436" in codes
    assert "92502" not in codes
