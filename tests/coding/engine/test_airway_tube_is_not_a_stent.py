"""Placing a tracheostomy or endotracheal tube is not placing an airway stent: a procedure list
that removes old stent pieces and then places a tracheostomy tube does not get 31631."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def test_tracheostomy_tube_placed_after_stent_removal_is_not_a_stent_placement() -> None:
    note = (
        "PROCEDURES: Tracheotomy; flexible bronchoscopy through the stoma; removal of broken "
        "tracheal stent wires; insertion of a size 6 cuffed tracheostomy tube.\n"
        "DESCRIPTION: The trachea was opened between the second and third rings. The "
        "bronchoscope was passed through the opening and the loose wires of the old stent "
        "were grasped with forceps and removed. The cuffed tube was then secured.\n"
    )
    codes = [p["code"] for p in code_cpt(note)["procedures"]]
    assert "31631" not in codes
    assert "31635" in codes


def test_a_tracheal_stent_placement_still_codes_31631() -> None:
    note = (
        "PROCEDURE: Rigid bronchoscopy with placement of a silicone tracheal stent.\n"
        "DESCRIPTION: The malignant narrowing of the mid trachea was dilated with the rigid "
        "scope and a 16 mm silicone stent was deployed across it with good position.\n"
    )
    codes = [p["code"] for p in code_cpt(note)["procedures"]]
    assert "31631" in codes
