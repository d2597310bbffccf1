"""A thyroid lobe freed and divided or clamped across the isthmus is a unilateral lobectomy
(60220) even when the procedure list misnames the operation; an isthmus divided for a
tracheostomy and a total thyroidectomy are not."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_lobe_divided_at_the_isthmus_is_a_lobectomy() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right thyroid nodule.\n"
        "PROCEDURE PERFORMED: Right thyroid nodule resection.\n"
        "DESCRIPTION: A collar incision was made and subplatysmal flaps raised. The strap "
        "muscles were separated in the midline. The superior pole vessels were ligated, the "
        "parathyroid glands preserved and the recurrent laryngeal nerve identified and "
        "protected. The right lobe was then divided at the isthmus and removed. The wound "
        "was closed in layers."
    )
    assert "60220" in _codes(note)


def test_isthmus_divided_for_a_tracheostomy_is_no_lobectomy() -> None:
    note = (
        "PROCEDURE: Open tracheostomy.\n"
        "DESCRIPTION: A horizontal incision was made below the cricoid. The thyroid gland was "
        "retracted and the isthmus was divided between clamps. The second tracheal ring was "
        "opened and a size 8 cuffed tracheostomy tube inserted."
    )
    assert "60220" not in _codes(note)


def test_total_thyroidectomy_keeps_its_own_code() -> None:
    note = (
        "PROCEDURE: Total thyroidectomy.\n"
        "DESCRIPTION: The left lobe was mobilized and the gland was divided at the isthmus; "
        "then the right lobe was removed in the same way. Both recurrent laryngeal nerves "
        "were preserved."
    )
    codes = _codes(note)
    assert "60240" in codes
    assert "60220" not in codes
