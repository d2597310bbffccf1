"""'Partial inferior turbinectomy' is a turbinate resection just as 'partial turbinectomy' is, so
a list that names each side in either word order gets 30140-50, not one side only."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def test_both_word_orders_make_a_bilateral_turbinate_resection() -> None:
    note = (
        "PROCEDURES: Septoplasty, right inferior partial turbinectomy, and left partial "
        "inferior turbinectomy.\n"
        "DESCRIPTION: The septal deflection was corrected through a hemitransfixion incision. "
        "The enlarged turbinate tissue was then reduced by a submucosal resection.\n"
    )
    lines = {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}
    assert lines.get("30140") == ["50"]
