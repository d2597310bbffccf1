"""An open tenodesis of the long head of the biceps is 23430: in an open shoulder operation, or
through a subpectoral incision after an arthroscopy (then it replaces the arthroscopic 29828)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_tenodesis_in_an_open_shoulder_replacement_is_23430() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Osteoarthritis of the left shoulder.\n"
        "PROCEDURE: Left shoulder hemiarthroplasty.\n"
        "DESCRIPTION: Through a deltopectoral approach the subscapularis was taken down. The "
        "humeral head was resected and a humeral stem and head prosthesis were impacted into "
        "place. The long head of the biceps was frayed and partly torn, so it was tenodesed to "
        "the upper border of the pectoralis major tendon. The subscapularis was repaired."
    )
    lines = _lines(note)
    assert ("23470", ["LT"]) in lines
    assert ("23430", ["LT"]) in lines


def test_subpectoral_tenodesis_after_arthroscopy_replaces_29828() -> None:
    note = (
        "PROCEDURE: Right shoulder arthroscopy with debridement and open subpectoral biceps "
        "tenodesis.\n"
        "DESCRIPTION: The arthroscope was introduced through a posterior portal. The biceps "
        "tendon was tenotomized at its anchor. A small incision was made in the axilla and "
        "the biceps was fixed with an interference screw in a subpectoral tenodesis."
    )
    codes = [c for c, _ in _lines(note)]
    assert "23430" in codes
    assert "29828" not in codes


def test_arthroscopic_tenodesis_stays_29828() -> None:
    note = (
        "PROCEDURE: Right shoulder arthroscopy with biceps tenodesis.\n"
        "DESCRIPTION: The arthroscope was introduced through a posterior portal. The biceps "
        "tendon was tenodesed in the bicipital groove with a suture anchor under arthroscopic "
        "visualization."
    )
    codes = [c for c, _ in _lines(note)]
    assert "29828" in codes
    assert "23430" not in codes


def test_distal_biceps_repair_is_not_a_shoulder_tenodesis() -> None:
    note = (
        "PROCEDURE: Repair of left distal biceps tendon rupture.\n"
        "DESCRIPTION: Through an anterior elbow incision the distal biceps tendon was "
        "retrieved and fixed to the radial tuberosity with a cortical button; no tenodesis "
        "of the long head was needed."
    )
    assert "23430" not in [c for c, _ in _lines(note)]
