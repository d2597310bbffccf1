"""Two services a skull base operation lists beside its main procedure.

Fat cut out through a second incision and packed where it is needed is a soft-tissue graft
harvested by direct excision (15769); fat taken by liposuction, or from the earlobe at an ear
operation, is not. A catheter left in the lumbar subarachnoid space to drain spinal fluid is a
therapeutic spinal drainage (62272); an epidural or pump catheter is not.
"""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_fat_graft_by_excision() -> None:
    note = (
        "PROCEDURES: 1. Transsphenoidal resection of pituitary adenoma. 2. Harvest of"
        " abdominal fat graft.\nDESCRIPTION: Through a small periumbilical incision a piece of"
        " fat was harvested and the wound closed. Under the microscope the adenoma was removed"
        " and the sella packed with the fat.\n"
    )
    assert codes(note) == ["61548", "15769"]
    liposuctioned = (
        "PROCEDURES: 1. Fat harvest from the thigh. 2. Fat injection of the vocal fold.\n"
        "DESCRIPTION: Fat was liposuctioned from the thigh through a stab incision and injected"
        " into the left vocal fold.\n"
    )
    assert "15769" not in codes(liposuctioned)


def test_lumbar_drain_placed() -> None:
    note = (
        "PROCEDURES: 1. Endoscopic repair of CSF leak of the cribriform plate. 2. Placement of"
        " lumbar drain.\nDESCRIPTION: A Tuohy needle was passed into the lumbar subarachnoid"
        " space and a catheter threaded and connected to a closed drainage system.\n"
    )
    assert "62272" in codes(note)
    epidural = (
        "PROCEDURE: Placement of lumbar epidural catheter for postoperative analgesia.\n"
        "DESCRIPTION: The catheter was threaded into the epidural space at L3-L4.\n"
    )
    assert "62272" not in codes(epidural)
