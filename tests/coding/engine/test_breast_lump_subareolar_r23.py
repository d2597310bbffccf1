"""A breast lump told beneath or beside the nipple / areola is the subareolar lump (index:
Lump, breast, subareolar N63.4-), also when the position is told in the operative narrative;
one in the axillary tail is N63.3-. A periareolar incision is only the approach."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def dx(note: str) -> list[str]:
    return sorted(d["code"] for d in code_cpt(note)["diagnoses"])


def test_mass_beside_the_nipple_is_subareolar() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Left breast mass.\n"
        "OPERATION: A firm mobile mass was felt just adjacent to the nipple and was excised.\n"
    )
    assert dx(note) == ["N63.42"]


def test_subareolar_lump_on_the_right() -> None:
    assert dx("DIAGNOSIS: Right breast lump, subareolar.\n") == ["N63.41"]


def test_axillary_tail_lump() -> None:
    assert dx("DIAGNOSIS: Right breast mass in the axillary tail.\n") == ["N63.31"]


def test_periareolar_incision_is_not_the_lump_position() -> None:
    note = (
        "DIAGNOSIS: Left breast mass.\n"
        "OPERATION: Through a circumareolar incision the mass was reached and excised.\n"
    )
    assert dx(note) == ["N63.20"]
