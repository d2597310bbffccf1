"""A new vein sewn to the vein of an old, failing dialysis fistula gives it a new outflow: an
open revision of the access (36832), not a new arteriovenous anastomosis."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_vein_sewn_to_the_old_fistula_vein_is_a_revision() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: End-stage renal disease, failing left arm dialysis fistula.\n"
        "PROCEDURE: Left upper arm hemodialysis access with a new outflow vein.\n"
        "DESCRIPTION: The basilic vein of the upper arm was dissected free and its branches "
        "ligated. The old cephalic fistula vein, still patent above the occlusion, was exposed. "
        "The basilic vein was tunneled laterally and sewn end to side to the existing fistula "
        "vein with running 6-0 Prolene. A good thrill was felt."
    )
    lines = _lines(note)
    assert "36832" in [code for code, _ in lines]
    assert not any(code in ("36818", "36819", "36821") for code, _ in lines)


def test_a_new_brachiocephalic_fistula_is_not_a_revision() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: End-stage renal disease; the previous right forearm fistula "
        "is occluded.\n"
        "PROCEDURE: Creation of a right brachiocephalic arteriovenous fistula.\n"
        "DESCRIPTION: The cephalic vein at the elbow was dissected and divided, and its end was "
        "sewn to the side of the brachial artery with 7-0 Prolene. A thrill was present."
    )
    lines = _lines(note)
    assert ("36821", ["RT"]) in lines
    assert "36832" not in [code for code, _ in lines]
