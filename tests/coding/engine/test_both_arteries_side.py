"""A paired artery named for both sides ("both internal carotid arteries", "both common and
internal carotid arteries were selectively catheterized") makes a sided service bilateral:
one line with 50 for the selective cerebral angiography codes (bilateral indicator 1).
Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(technique: str) -> list[tuple[str, list[str]]]:
    note = (
        "PROCEDURE: Diagnostic cerebral angiogram.\n"
        "TECHNIQUE: A 5-French sheath was placed in the right common femoral artery. "
        f"{technique}\n"
        "IMPRESSION: No aneurysm or vascular malformation.\n"
    )
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_both_internal_carotids_are_bilateral() -> None:
    assert lines(
        "Both common and internal carotid arteries were selectively catheterized and "
        "intracranial views obtained."
    ) == [("36224", ["50"])]
    assert lines(
        "Both vertebral arteries were selectively catheterized with intracranial imaging."
    ) == [("36226", ["50"])]


def test_one_side_stays_one_side() -> None:
    # "both" about something else is no side of the artery
    assert lines(
        "The left internal carotid artery was selectively catheterized and intracranial "
        "views obtained in both projections."
    ) == [("36224", ["LT"])]
