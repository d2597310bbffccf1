"""A canthus rebuilt after a tumor excision (the canthal defect repaired by fixing the lids to
the canthal tendon or the orbital rim) is canthoplasty 67950, beside the lid reconstruction it
adjoins; a lateral canthal tightening for a lax lower lid stays with the ectropion repair.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_a_canthal_defect_repaired_after_mohs_is_67950() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Defect of the right lateral canthus and lower eyelid after Mohs "
        "excision of a basal cell carcinoma.\n"
        "PROCEDURES:\n"
        "1. Reconstruction of a one-third full-thickness right lower lid defect with a "
        "tarsoconjunctival flap from the upper lid.\n"
        "2. Repair of the right lateral canthal defect to the remaining canthal tendon.\n"
        "DESCRIPTION: The flap was raised from the right upper lid and sewn into the lower lid "
        "defect. The lateral canthal angle was rebuilt by suturing the lid margins to the "
        "periosteum of the lateral orbital rim.\n"
    )
    found = _lines(note)
    assert found.get("67950") == ["RT"]


def test_a_canthal_tightening_for_ectropion_is_not_67950() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Involutional ectropion of the left lower eyelid.\n"
        "PROCEDURE: Left lower eyelid ectropion repair with lateral tarsal strip.\n"
        "DESCRIPTION: A lateral canthotomy was made, a tarsal strip fashioned and fixed to the "
        "lateral orbital rim periosteum.\n"
    )
    assert "67950" not in _lines(note)
