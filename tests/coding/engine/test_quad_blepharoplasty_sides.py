"""A quadrilateral ("quad") blepharoplasty is done on all four lids: the upper and the lower
lid codes are bilateral (modifier 50), while the septum's quadrilateral cartilage is no
side at all. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_a_quad_blepharoplasty_is_both_upper_and_both_lower_lids() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Excess skin of the upper lids and lower lid fat bulging.\n"
        "PROCEDURE: Quadrilateral blepharoplasty.\n"
        "DESCRIPTION: An ellipse of upper lid skin was removed and a little medial fat was "
        "trimmed. Through a subciliary incision the lower lid skin and muscle flap was raised "
        "and the bulging lower lid fat was trimmed before the excess skin was removed.\n"
    )
    found = _codes(note)
    assert found.get("15822") == ["50"]
    assert any(code in found and found[code] == ["50"] for code in ("15820", "15821"))


def test_the_quadrilateral_cartilage_of_a_septoplasty_is_no_side() -> None:
    note = (
        "PROCEDURE: Septoplasty.\n"
        "DESCRIPTION: Through a hemitransfixion incision the deviated part of the quadrilateral "
        "cartilage was removed and the flaps were sutured together.\n"
    )
    assert _codes(note).get("30520") == []
