"""Implant removal is deep (20680) when the surgeon goes through fascia or a muscle to reach
it, superficial (20670) when a buried wire is lifted out from under the skin."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_pins_reached_through_a_muscle_split_are_deep() -> None:
    note = (
        "PROCEDURE: Removal of retained pins, left elbow.\n"
        "DESCRIPTION: An incision was made over the old scar. The biceps was split to reach "
        "the two pins, which were withdrawn. The wound was closed in layers."
    )
    assert _codes(note) == ["20680"]


def test_a_wire_under_the_skin_is_superficial() -> None:
    note = (
        "PROCEDURE: Removal of retained K-wire, right index finger.\n"
        "DESCRIPTION: A small stab incision was made over the palpable end of the wire, "
        "which was grasped and withdrawn. The skin was closed with a single suture."
    )
    assert _codes(note) == ["20670"]
