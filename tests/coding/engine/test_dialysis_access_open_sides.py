"""Open work on an arm's dialysis access - a clotted graft cleared (36831), a fistula revised
(36832), both (36833) - is done on one limb, as its creation (36821, 36830) is: the side told
in the note gives RT or LT. A note that names no side gives no modifier."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_open_thrombectomy_of_a_left_forearm_graft_is_lt() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Clotted left forearm loop graft for hemodialysis.\n"
        "PROCEDURE PERFORMED: Open thrombectomy of left forearm arteriovenous graft.\n"
        "DESCRIPTION: Through a short cut over its venous limb the graft was opened. "
        "A Fogarty balloon was passed centrally and toward the arterial limb and clot pulled "
        "out until brisk flow returned. The graftotomy was closed with Prolene and a thrill "
        "was felt.\n"
    )
    assert lines(note).get("36831") == ["LT"]


def test_revision_with_thrombectomy_on_the_right_arm_is_rt() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Thrombosed right upper arm dialysis graft.\n"
        "PROCEDURE PERFORMED: Thrombectomy and revision of right arm arteriovenous graft "
        "with a new PTFE jump graft to the axillary vein.\n"
        "DESCRIPTION: The graft was opened and cleared with a Fogarty catheter. The narrowed "
        "venous anastomosis was bypassed with a new 6 mm PTFE segment sewn to the axillary "
        "vein. A good thrill was present.\n"
    )
    assert lines(note).get("36833") == ["RT"]


def test_thrombectomy_with_no_side_told_has_no_side_modifier() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Clotted dialysis graft.\n"
        "PROCEDURE PERFORMED: Open thrombectomy of arteriovenous graft.\n"
        "DESCRIPTION: A graftotomy was made and a Fogarty balloon passed in both directions "
        "until flow returned. The graftotomy was closed.\n"
    )
    assert lines(note).get("36831") == []
