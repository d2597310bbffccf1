"""A fracture surgeon's note may list the hip replacement his colleague does after the
fixation: when the story turns the case over to the other surgeon for the cup and stem, told
in that surgeon's own note, the arthroplasty (27130) is not this author's. A story telling the
author's own team placing the implants keeps it."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


HEAD = (
    "PREOPERATIVE DIAGNOSIS: Right acetabular transverse fracture with a posterior wall "
    "fragment.\n"
    "PROCEDURES:\n1. Open reduction and internal fixation of the right acetabular fracture.\n"
    "2. Total hip arthroplasty.\n"
    "DESCRIPTION: The patient was placed in the lateral position and the right hip prepped. "
    "A posterior Kocher-Langenbeck approach was used. The short external rotators were tagged "
    "and released. The fracture was cleaned of clot and reduced with a clamp. It was fixed "
    "with a pelvic reconstruction plate and three screws. The sciatic nerve was protected "
    "throughout. "
)


def test_implants_placed_by_the_other_team_leave_the_fixation_alone() -> None:
    note = HEAD + (
        "The case was then turned over to Dr. Smith and his team, who placed the acetabular "
        "cup and the femoral stem. That part is described in his own note. The patient "
        "tolerated the procedure well.\n"
    )
    got = codes(note)
    assert any(c in got for c in ("27226", "27227", "27228"))
    assert "27130" not in got


def test_implants_placed_by_the_author_keep_the_arthroplasty() -> None:
    note = HEAD + (
        "We then reamed the acetabulum and impacted a porous cup with two screws. The femoral "
        "canal was broached and the stem was seated with a ceramic head. The hip was reduced "
        "and stable.\n"
    )
    assert "27130" in codes(note)
