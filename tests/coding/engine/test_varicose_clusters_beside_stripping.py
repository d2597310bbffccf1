"""Varicose clusters of the leg taken out through their own incisions and listed as a
procedure of their own are 37785 beside the great saphenous stripping (37722), on the same
side; tributaries tied at the groin as part of the stripping add nothing."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


STORY = (
    "DESCRIPTION: Through a groin incision the saphenofemoral junction was found and its "
    "tributaries were tied. The junction was ligated and divided. A stripper was passed down "
    "the vein to a small incision below the knee and the vein was stripped out. "
)


def test_listed_cluster_excision_keeps_its_line() -> None:
    note = (
        "PROCEDURES:\n1. Ligation and stripping of the right great saphenous vein to the knee.\n"
        "2. Excision of right calf varicose vein clusters.\n" + STORY + "Through several small "
        "calf incisions the marked varicose clusters were dissected out and removed. The "
        "wounds were closed.\n"
    )
    got = lines(note)
    assert got.get("37722") == ["RT"]
    assert got.get("37785") == ["RT"]


def test_stripping_alone_is_one_line() -> None:
    note = (
        "PROCEDURES: Ligation and stripping of the right great saphenous vein to the knee.\n"
        + STORY
        + "The wounds were closed.\n"
    )
    got = lines(note)
    assert got.get("37722") == ["RT"]
    assert "37785" not in got
