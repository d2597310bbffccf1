"""A lipoma is coded by where its skin lies (D17.0 head and neck, D17.1 trunk, D17.2- limbs by
side): a lipoma of the knee, calf or foot is the leg's, of the elbow, wrist or hand the arm's.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_NOTE = """PREOPERATIVE DIAGNOSIS: {dx}
POSTOPERATIVE DIAGNOSIS: {dx}
PROCEDURE: Excision of a subcutaneous mass.
DESCRIPTION: An elliptical incision was made over the mass, which was freed from the
surrounding fat and removed whole. The skin was closed with nylon sutures.
"""


def _codes(dx: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(_NOTE.format(dx=dx)))]


def test_a_lipoma_of_the_knee_or_foot_is_the_legs() -> None:
    assert _codes("Lipoma, left knee.") == ["D17.24"]
    assert _codes("Lipoma of the right foot.") == ["D17.23"]


def test_a_lipoma_of_the_elbow_or_hand_is_the_arms() -> None:
    assert _codes("Right elbow lipoma.") == ["D17.21"]
    assert _codes("Lipoma of the left hand.") == ["D17.22"]


def test_a_lipoma_of_the_back_is_the_trunks_and_one_without_a_site_unspecified() -> None:
    assert _codes("Lipoma of the back.") == ["D17.1"]
    assert _codes("Lipoma.") == ["D17.9"]
