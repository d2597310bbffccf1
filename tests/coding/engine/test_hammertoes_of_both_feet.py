"""An each-toe code done on several toes of both feet is one line per foot with the toes of
that foot as units ("bilateral third and fourth toes" and "bilateral fifth toes": RT x3 and
LT x3), not one line with 50; one ordinal before a plural ("bilateral fifth toes") names that
toe of each foot. One toe of each foot stays one line with 50."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> list[tuple[str, list[str], int]]:
    return [(p["code"], p["modifiers"], p["units"]) for p in code_cpt(note)["procedures"]]


STORY = (
    "DESCRIPTION: Under ankle blocks each toe was opened over the contracted joint, the "
    "extensor tendon was divided and the head of the phalanx resected with a bone cutter. The "
    "toes were straight and the skin was closed with nylon.\n"
)


def test_several_toes_of_both_feet_are_a_line_per_foot() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Hammertoes of both feet.\n"
        "PROCEDURE PERFORMED:\n"
        "1. Proximal interphalangeal joint arthroplasty, bilateral fifth toes.\n"
        "2. Hammertoe repair, bilateral third and fourth toes.\n" + STORY
    )
    got = [ln for ln in lines(note) if ln[0] == "28285"]
    assert sorted(got) == [("28285", ["LT"], 3), ("28285", ["RT"], 3)]


def test_one_toe_of_each_foot_stays_one_line_with_50() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Hammertoes of both feet.\n"
        "PROCEDURE PERFORMED: Hammertoe repair, bilateral second toes.\n" + STORY
    )
    got = [ln for ln in lines(note) if ln[0] == "28285"]
    assert got == [("28285", ["50"], 1)]
