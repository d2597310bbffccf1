"""A toe amputated through its proximal phalanx is the amputation distal to the MTP joint
(28825), reported once even when a later sentence tells the toe amputated without its level
(no 28820 beside it)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_toe_amputated_through_the_proximal_phalanx_is_one_code() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Osteomyelitis of the left second toe.\n"
        "PROCEDURE: Amputation of the left second toe through the proximal phalanx.\n"
        "DESCRIPTION: A fishmouth incision was made at the middle of the proximal phalanx. "
        "The toe was amputated and sent for culture. The bone end was smoothed and the flaps "
        "were closed with nylon."
    )
    assert _codes(note) == ["28825"]
