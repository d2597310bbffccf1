"""Each further wedge resection of the same lung is an add-on: 32506 beside the open 32505,
32667 beside the thoracoscopic 32666, counted from the number written ("three wedge
resections") or two for a plural."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, int]:
    return {p["code"]: p["units"] for p in code_cpt(note)["procedures"]}


def test_three_open_wedges_are_32505_and_two_more() -> None:
    note = (
        "PROCEDURE: Right thoracotomy with three wedge resections of metastatic nodules.\n"
        "DESCRIPTION: A posterolateral thoracotomy was made through the fifth interspace. "
        "Three palpable nodules of the right upper and lower lobes were removed with stapled "
        "wedge resections and sent for pathology. A chest tube was placed."
    )
    lines = _lines(note)
    assert "32505" in lines
    assert lines.get("32506") == 2


def test_thoracoscopic_wedges_use_the_vats_add_on() -> None:
    note = (
        "PROCEDURE: Left video-assisted thoracoscopic surgery with two wedge resections.\n"
        "DESCRIPTION: Three ports were placed and the thoracoscope introduced. Two peripheral "
        "nodules of the left lower lobe were removed by stapled wedge resection."
    )
    lines = _lines(note)
    assert "32666" in lines
    assert lines.get("32667") == 1
    assert "32506" not in lines


def test_a_single_wedge_has_no_add_on() -> None:
    note = (
        "PROCEDURE: Right thoracotomy and wedge resection of a right upper lobe nodule.\n"
        "DESCRIPTION: Through a muscle-sparing thoracotomy the nodule was palpated and a "
        "wedge resection was done with a stapler. The margins were clear on frozen section."
    )
    lines = _lines(note)
    assert "32505" in lines
    assert "32506" not in lines
