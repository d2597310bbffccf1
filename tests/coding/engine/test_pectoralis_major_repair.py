"""A torn pectoralis major tendon sewn or anchored back to the humerus is a repair of an
upper-arm tendon (24341, each tendon), sided; a pectoralis muscle closed over a breast
implant or expander is no such repair."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_pectoralis_major_tendon_reattached_to_the_humerus() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Avulsion of the left pectoralis major tendon.\n"
        "PROCEDURE: Repair of the left pectoralis major tendon with suture anchors.\n"
        "DESCRIPTION: Through a deltopectoral incision the retracted tendon was found and "
        "mobilized. Two anchors were set lateral to the bicipital groove and the tendon was "
        "reattached to the humerus. The wound was closed in layers."
    )
    assert _lines(note) == [("24341", ["LT"])]


def test_pectoralis_muscle_closed_over_an_expander_is_not_a_tendon_repair() -> None:
    note = (
        "PROCEDURE: Placement of a right breast tissue expander after mastectomy.\n"
        "DESCRIPTION: A subpectoral pocket was made. The expander was placed and the "
        "pectoralis major muscle was repaired over it where it had been torn at its "
        "inferior edge. The skin was closed."
    )
    assert "24341" not in [c for c, _ in _lines(note)]
