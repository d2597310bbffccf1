"""Several fractures fixed at one operation (round 19): the lines are ordered by value, so a
femoral shaft nail (27506) is listed before the cannulated screws of the femoral neck (27235);
the percutaneous pinning keeps no priority of its own over a larger open treatment."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_shaft_nail_is_listed_before_neck_screws() -> None:
    note = """PROCEDURES: 1. Retrograde intramedullary nailing of right femoral shaft fracture.
2. Percutaneous cannulated screw fixation of right femoral neck fracture.
DESCRIPTION: The femoral neck fracture was reduced closed and three cannulated screws were placed
percutaneously under fluoroscopy. Through a small knee incision the canal was reamed and a
retrograde intramedullary nail was passed across the shaft fracture and locked.
"""
    codes = _codes(note)
    assert codes[:2] == ["27506", "27235"]


def test_neck_pinning_alone_is_still_coded() -> None:
    note = """PROCEDURE: Percutaneous pinning of left femoral neck fracture with three cannulated
screws.
DESCRIPTION: Under fluoroscopy three guide pins were placed across the nondisplaced femoral neck
fracture and cannulated screws were inserted over them.
"""
    assert _codes(note)[0] == "27235"
