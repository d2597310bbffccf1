"""The second stage of a staged basilic (or cephalic) transposition - the vein of a fistula made
at an earlier operation freed and brought up under the skin, with no new arterial anastomosis -
is an open revision of the fistula (36832), not the creation of a transposition fistula (36819);
a one-stage transposition sewn to the brachial artery stays 36819."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

ONE_STAGE = """PREOPERATIVE DIAGNOSIS: End-stage renal disease.
PROCEDURE: Left basilic vein transposition arteriovenous fistula.
DESCRIPTION: The basilic vein was dissected free from the antecubital fossa to the axilla, its
branches ligated, and the vein was divided distally and tunneled laterally. The brachial artery
was exposed and an arteriotomy made. The vein was sewn end to side to the brachial artery with
running 6-0 Prolene. A good thrill was present.
"""

SECOND_STAGE = """PREOPERATIVE DIAGNOSIS: End-stage renal disease on hemodialysis.
PROCEDURE: Second stage left basilic vein transposition.
HISTORY: Eight weeks ago she had a left brachiobasilic fistula created without transposition.
DESCRIPTION: An incision was made over the basilic vein along the medial arm. The vein was
mobilized from the elbow to the axilla and its side branches were ligated. A subcutaneous pocket
was developed laterally and the vein was brought up into it and secured. There was a good thrill.
"""

SUPERFICIALIZED = """PREOPERATIVE DIAGNOSIS: End-stage renal disease.
PROCEDURE: Superficialization of the cephalic vein of a right brachiocephalic fistula.
DESCRIPTION: The existing right brachiocephalic fistula was too deep to cannulate. The cephalic
vein was freed over 15 cm and lifted into a new subcutaneous plane closer to the skin.
"""


def _lines(note: str) -> list[str]:
    return [
        p["code"] + "".join("-" + m for m in p["modifiers"]) for p in code_cpt(note)["procedures"]
    ]


def test_one_stage_transposition_sewn_to_the_artery_is_36819() -> None:
    assert _lines(ONE_STAGE) == ["36819-LT"]


def test_second_stage_transposition_of_an_existing_fistula_is_a_revision() -> None:
    assert _lines(SECOND_STAGE) == ["36832-LT"]


def test_superficialized_cephalic_vein_of_an_existing_fistula_is_a_revision() -> None:
    assert _lines(SUPERFICIALIZED) == ["36832-RT"]
