"""A lateral canthopexy is 21282 beside a blepharoplasty (both sides with a four-lid
operation: 50); the tarsal strip of an ectropion repair is part of that repair."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_canthopexy_with_a_four_lid_blepharoplasty() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Dermatochalasis of the upper and lower eyelids.\n"
        "PROCEDURE: Quadrilateral blepharoplasty with lateral canthopexy.\n"
        "DESCRIPTION: Skin was excised from both upper eyelids. Subciliary incisions were made "
        "in both lower lids and the excess skin trimmed. The lateral canthal tendon was "
        "tightened to the periosteum of the lateral orbital rim on each side."
    )
    lines = _lines(note)
    assert ("21282", ["50"]) in lines


def test_tarsal_strip_of_an_ectropion_repair_is_not_coded_again() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Involutional ectropion of the right lower eyelid.\n"
        "PROCEDURE: Right lower lid ectropion repair with lateral tarsal strip.\n"
        "DESCRIPTION: A lateral canthotomy was made, a tarsal strip fashioned and the lateral "
        "canthal tendon was resuspended to the inner aspect of the lateral orbital rim."
    )
    codes = [c for c, _ in _lines(note)]
    assert "21282" not in codes
