"""Balloon angioplasty of the pulmonary arteries: 92997 for the first vessel, 92998 for each
further one; a pulmonary valve dilation is the valvuloplasty, and an angioplasty told only in
the history is not this catheterization's."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_both_branch_arteries_dilated_are_two_vessels() -> None:
    note = (
        "PROCEDURE: Cardiac catheterization with balloon angioplasty of both branch pulmonary "
        "arteries.\nDESCRIPTION: Wires were placed in the right and left pulmonary arteries "
        "and simultaneous balloon angioplasty of the branch pulmonary arteries was performed "
        "with two 10 mm balloons, relieving the waists."
    )
    codes = _codes(note)
    assert "92997" in codes and "92998" in codes
    assert "92920" not in codes


def test_one_vessel_is_92997_alone() -> None:
    note = (
        "PROCEDURE: Balloon angioplasty of the left pulmonary artery.\n"
        "DESCRIPTION: An 8 mm balloon was advanced into the proximal left pulmonary artery "
        "stenosis and inflated twice with resolution of the waist."
    )
    codes = _codes(note)
    assert "92997" in codes and "92998" not in codes


def test_an_angioplasty_in_the_history_is_not_coded() -> None:
    note = (
        "HISTORY: Tetralogy of Fallot; he underwent balloon angioplasty of the branch pulmonary "
        "arteries in 2019.\nPROCEDURE: Transthoracic echocardiogram.\n"
        "FINDINGS: Mild residual branch pulmonary artery narrowing; normal biventricular function."
    )
    assert "92997" not in _codes(note)
