"""Coronary bypass grafts are counted by the conduits used: a radial artery graft with the
mammary artery only weighed and spared is a single arterial graft (33533), its vein grafts the
one-arterial add-ons (33517 for one), and the radial harvest from the arm is 35600; a mammary
taken down and sewn to the LAD with a radial graft is two arterial grafts (33534)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

RADIAL_ONLY = """PROCEDURE: Two-vessel coronary artery bypass grafting using a saphenous vein graft
to the obtuse marginal artery and a left radial artery graft to the left anterior descending.
DESCRIPTION: Because of severe obesity there was concern about taking down the left internal
mammary artery, so the radial artery was chosen as the arterial conduit. Conduits were taken
from the left arm and the right thigh. Through a median sternotomy the patient was placed on
cardiopulmonary bypass and cardioplegia was given. The vein was sewn to the obtuse marginal
artery and the radial artery to the left anterior descending. The proximal anastomoses were
made to the aorta.
"""

MAMMARY_AND_RADIAL = """PROCEDURE: Coronary artery bypass grafting times two: left internal mammary
artery to the left anterior descending and left radial artery graft to the obtuse marginal.
DESCRIPTION: Through a median sternotomy the left internal mammary artery was dissected free and
the left radial artery was harvested. On cardiopulmonary bypass with cardioplegia the mammary
was sewn to the left anterior descending and the radial artery to the obtuse marginal.
"""


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_radial_graft_with_the_mammary_spared_is_one_arterial_graft() -> None:
    assert sorted(_codes(RADIAL_ONLY)) == ["33517", "33533", "35600"]


def test_mammary_taken_down_with_a_radial_graft_is_two_arterial_grafts() -> None:
    codes = _codes(MAMMARY_AND_RADIAL)
    assert "33534" in codes and "33533" not in codes
