"""The knee joint opened and washed out is the knee arthrotomy for drainage, 27310: an open knee
joint wound irrigated and debrided in a trauma operation whose fixation is elsewhere, or the
joint opened through a window and irrigated beside a thigh abscess drainage. A fracture fixed at
the knee, an arthroscopic lavage, a needle aspiration and a knee prosthesis washout are not."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_open_knee_washed_out_beside_ankle_fixation() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSES: 1. Left lateral malleolus fracture. 2. Left open knee.\n"
        "PROCEDURES: 1. Open reduction internal fixation of the left lateral malleolus with a "
        "plate and screws. 2. Irrigation and debridement of left knee.\n"
        "DESCRIPTION: The fibula was fixed with a one-third tubular plate. The anterior knee "
        "laceration was extended and carried through the retinaculum into the joint, and the "
        "knee was copiously irrigated with 6 liters of saline and the dead tissue debrided."
    )
    lines = _lines(note)
    assert ("27310", ["LT"]) in lines
    assert ("27792", ["LT"]) in lines


def test_knee_joint_opened_through_a_window_beside_a_thigh_abscess() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right distal femoral subperiosteal abscess.\n"
        "OPERATION: Irrigation and debridement of the above.\n"
        "DESCRIPTION: The prior incision was opened down through the iliotibial band to the "
        "subperiosteal abscess, which was irrigated with three liters of saline. A small medial "
        "window was made into the joint, and three liters of saline were run through the knee "
        "joint. Drains were placed."
    )
    codes = _codes(note)
    assert "27310" in codes
    assert "27301" in codes


def test_plateau_fixation_takes_its_own_arthrotomy() -> None:
    note = (
        "PROCEDURE: Open reduction internal fixation of a right tibial plateau fracture.\n"
        "DESCRIPTION: A submeniscal arthrotomy was made and the knee joint irrigated; the "
        "plateau was elevated and fixed with a lateral locking plate and screws."
    )
    assert "27310" not in _codes(note)


def test_arthroscopic_or_needle_washout_is_not_an_arthrotomy() -> None:
    arthroscopic = (
        "PROCEDURE: Right knee arthroscopic irrigation and debridement.\n"
        "DESCRIPTION: Through anterolateral and anteromedial portals the knee joint was "
        "irrigated with 9 liters of saline and the synovium debrided."
    )
    needle = (
        "PROCEDURE: Aspiration of the left knee.\n"
        "DESCRIPTION: A needle was introduced and the knee joint was aspirated and irrigated "
        "with saline through the needle."
    )
    assert "27310" not in _codes(arthroscopic)
    assert "27310" not in _codes(needle)
