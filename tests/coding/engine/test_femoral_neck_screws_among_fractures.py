"""Percutaneous screws across a femoral neck fracture are 27235 even when the same operation
plates another fracture or nails the femoral shaft; an open reduction of the neck itself, or a
proximal femoral nail, still rules it out."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_neck_screws_beside_an_ankle_orif_and_a_shaft_nail() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Left femoral neck fracture, left femoral shaft fracture, left "
        "bimalleolar ankle fracture.\n"
        "PROCEDURES:\n"
        "1. Open reduction and internal fixation of the left bimalleolar ankle fracture with a "
        "plate and screws.\n"
        "2. Closed reduction and percutaneous fixation of the left femoral neck fracture with "
        "three cannulated screws.\n"
        "3. Antegrade intramedullary nailing of the left femoral shaft fracture.\n"
    )
    codes = _codes(note)
    assert "27235" in codes and "27236" not in codes


def test_open_reduction_of_the_neck_stays_27236() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Displaced right femoral neck fracture.\n"
        "PROCEDURE: Open reduction and internal fixation of the right femoral neck fracture.\n"
        "DESCRIPTION: Through an anterior approach the fracture was reduced under direct vision "
        "and three cannulated screws were placed across the neck."
    )
    codes = _codes(note)
    assert "27236" in codes and "27235" not in codes
