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


def test_site_after_a_clause_that_denies_another_graft_still_names_the_site() -> None:
    # "areas not autografted on the back": the back is where the allograft goes
    note = (
        "PREOPERATIVE DIAGNOSIS: Flame burns of the face, hands and back.\n"
        "PROCEDURES PERFORMED:\n"
        "1. Split-thickness autograft to the back, 600 sq cm.\n"
        "2. Application of meshed allograft to the open wounds, not autografted on the back, "
        "450 sq cm.\n"
    )
    assert codes(note) == [("15100", 1), ("15273", 1), ("15101", 5), ("15274", 4)]


def test_a_denied_application_is_still_no_graft() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Burn of the back.\n"
        "PROCEDURE: Split-thickness autograft to the back, 300 sq cm.\n"
        "DESCRIPTION: No allograft was applied to the back wounds.\n"
    )
    assert [c for c, _ in codes(note)] == ["15100", "15101"]
