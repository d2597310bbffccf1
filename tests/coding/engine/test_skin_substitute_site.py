"""A skin substitute applied where the sentence names a trunk or limb site is a trunk/limb
graft even when the note names a face or hand burn elsewhere; with no site in the sentence a
face or hand named in the note still keeps the trunk code away."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[tuple[str, int]]:
    return [(p["code"], p["units"]) for p in code_cpt(note)["procedures"]]


def test_site_in_the_application_sentence_wins_over_a_face_burn_elsewhere() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Burns of the face and both thighs.\n"
        "PROCEDURE: Application of Integra to the excised left thigh wound, 80 sq cm.\n"
    )
    assert codes(note)[0] == ("15271", 1)


def test_no_site_in_the_sentence_and_a_hand_burn_is_no_trunk_graft() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Deep burn of the dorsum of the right hand.\n"
        "PROCEDURE: Application of Integra to the excised wound, 30 sq cm.\n"
    )
    assert not any(code in ("15271", "15272", "15273", "15274") for code, _ in codes(note))
