"""Plain films whose title writes the projections with an ampersand or a slash ("AP & lateral",
"AP/lateral") are two views, as "AP and lateral" is (the symbol is no word, so these titles had
coded nothing, or the chest the views-not-stated line). A frontal, a lateral and one oblique
stay three views."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_BODY = "\nREASON FOR EXAM: Pain.\nFINDINGS: No fracture.\nIMPRESSION: Normal.\n"


def lines(title: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(title + _BODY)["procedures"]]


def test_ampersand_and_slash_are_two_views() -> None:
    assert lines("EXAM: Right knee AP & lateral.") == [("73560", ["RT"])]
    assert lines("EXAM: AP/lateral views of the left ankle.") == [("73600", ["LT"])]
    assert lines("EXAM: Lumbar spine AP & lateral.") == [("72100", [])]
    chest = code_cpt("EXAM: Chest PA & lateral." + _BODY)["procedures"]
    assert [p["code"] for p in chest] == ["71046"]
    assert chest[0]["confidence"] >= 0.9
    assert lines("EXAM: AP, lateral and oblique views of the right knee.") == [("73562", ["RT"])]
