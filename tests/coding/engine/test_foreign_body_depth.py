"""A foreign body removed from muscle is one removal, at that depth (20520/20525), not also one
under the skin (10120)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def test_a_foreign_body_in_muscle_is_not_also_a_subcutaneous_one() -> None:
    note = (
        "PROCEDURE: Removal of foreign body, right thigh muscle.\n"
        "DESCRIPTION: An incision was made over the palpable object. The skin and "
        "subcutaneous tissue were divided and the foreign body, a 2 cm wood splinter, was "
        "removed from the vastus lateralis muscle. The wound was irrigated and closed.\n"
    )
    codes = [p["code"] for p in code_cpt(note)["procedures"]]
    assert "10120" not in codes
    assert "20520" in codes
