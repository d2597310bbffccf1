"""An ear canal foreign body removed under general anesthesia (69205) takes the ear's side, like
the office removal (69200)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str, age: int = 40) -> list[tuple[str, list[str], int]]:
    out = code_cpt(note, patient={"age": age})["procedures"]
    return [(p["code"], p["modifiers"], p["units"]) for p in out]


def test_ear_foreign_body_under_general_anesthesia_is_sided() -> None:
    note = (
        "OPERATION: Removal of foreign body (bead) from left ear canal.\n"
        "ANESTHESIA: General mask anesthesia.\n"
        "DESCRIPTION: Under the microscope the bead was found deep in the left external"
        " auditory canal against the drum and was removed with a right-angle hook.\n"
    )
    assert lines(note, age=4) == [("69205", ["LT"], 1)]
