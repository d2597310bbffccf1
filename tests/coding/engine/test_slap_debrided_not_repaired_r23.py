"""A SLAP tear the procedure list tells as debrided is an extensive debridement (29823), not a
SLAP repair (29807); extensive debridement is reported beside a rotator cuff repair (29827),
which includes only limited debridement. A SLAP tear fixed with anchors is still 29807."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_slap_tear_debrided_with_cuff_repair_is_29823_not_29807() -> None:
    note = (
        "PROCEDURES:\n"
        "1. Right shoulder arthroscopic rotator cuff repair.\n"
        "2. Arthroscopic extensive debridement, SLAP tear.\n"
        "DESCRIPTION: Under general anesthesia the right shoulder was scoped through a posterior "
        "portal. A frayed superior labral tear was extensively debrided with the shaver back to "
        "stable tissue, along with the frayed undersurface of the cuff and the biceps anchor. "
        "A full-thickness supraspinatus tear was then repaired to the footprint with two "
        "suture anchors.\n"
    )
    got = codes(note)
    assert "29827" in got and "29823" in got
    assert "29807" not in got


def test_slap_tear_fixed_with_anchors_is_29807() -> None:
    note = (
        "PROCEDURES: Left shoulder arthroscopy with repair of SLAP tear.\n"
        "DESCRIPTION: Under general anesthesia the left shoulder was scoped. A type II SLAP "
        "tear was found. The glenoid rim was prepared and the superior labrum was reattached "
        "with two knotless anchors.\n"
    )
    assert "29807" in codes(note)
