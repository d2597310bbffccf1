"""A tibial plafond (pilon) fracture fixed with the fibula and the malleolar fragments is the
pilon code alone (27828), not the pilon and the trimalleolar fixation (27823) side by side; a
trimalleolar fracture with no plafond fracture stays 27823."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


STORY = (
    "DESCRIPTION: Through a lateral incision the fibular fracture was reduced and fixed with a "
    "one-third tubular plate and screws. The posterior malleolar fragment was reduced and held "
    "with two lag screws from front to back. Through a medial incision the medial malleolus "
    "was reduced and fixed with two cancellous screws. The wounds were closed in layers.\n"
)


def test_plafond_fracture_with_malleoli_fixed_is_the_pilon_code_alone() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES: Left trimalleolar ankle fracture. Left distal tibial plafond "
        "fracture.\n"
        "PROCEDURE: Open reduction and internal fixation of the left ankle with plate and "
        "screws.\n" + STORY
    )
    got = codes(note)
    assert "27828" in got
    assert "27823" not in got


def test_trimalleolar_fracture_without_plafond_is_27823() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Left trimalleolar ankle fracture.\n"
        "PROCEDURE: Open reduction and internal fixation of the left ankle with plate and "
        "screws.\n" + STORY
    )
    got = codes(note)
    assert "27823" in got
    assert "27828" not in got
