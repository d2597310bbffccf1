"""Words a family shares with another service do not report it: a wound VAC is not a vacuum
delivery, removing chest tubes is not inserting one, testing leads during a generator
change is not a separate interrogation, a pacemaker's venous access is not a central line,
and an emergency department in the history does not make a planned tracheostomy emergent."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note, patient={"age": 60})["procedures"]]


def test_a_vacuum_assisted_wound_closure_is_not_a_delivery() -> None:
    note = (
        "PROCEDURE PERFORMED: Excisional debridement of the sacral wound and placement of a "
        "vacuum-assisted closure device.\n\nDESCRIPTION: Necrotic skin and subcutaneous tissue "
        "were excised. The vacuum-assisted closure sponge was applied.\n"
    )
    assert not {"59409", "59400", "59410"} & set(_codes(note))


def test_a_forceps_delivery_is_a_delivery() -> None:
    note = (
        "PROCEDURE: Low forceps vaginal delivery.\n\nDESCRIPTION: With the vertex at +3 station "
        "the forceps were applied and a live female infant was delivered over the perineum.\n"
    )
    assert "59409" in _codes(note)


def test_removing_chest_tubes_is_not_a_tube_thoracostomy() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Pleural effusion.\n\nPROCEDURE PERFORMED: Removal of bilateral "
        "28-French chest tubes.\n\nDESCRIPTION: The sutures were cut and both chest tubes were "
        "removed at end inspiration. Occlusive dressings were applied.\n"
    )
    assert "32551" not in _codes(note)


def test_a_generator_change_includes_testing_its_leads() -> None:
    note = (
        "PROCEDURE PERFORMED: Dual chamber pacemaker generator replacement.\n\nDESCRIPTION: The "
        "old pocket was opened and the generator removed. The leads were interrogated with "
        "good thresholds and connected to the new pulse generator, which was placed in the "
        "pocket.\n"
    )
    codes = _codes(note)
    assert "33228" in codes and "93288" not in codes


def test_a_planned_tracheostomy_after_an_emergency_admission() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Ventilator-dependent respiratory failure.\n\nPROCEDURE "
        "PERFORMED: Tracheostomy.\n\nINDICATIONS: A 60-year-old man admitted through the "
        "Emergency Department after a stroke, expected to need prolonged ventilation.\n\n"
        "DESCRIPTION: A vertical incision was made, the strap muscles were separated and a "
        "window was created below the second tracheal ring. A Shiley tracheostomy tube was "
        "inserted.\n"
    )
    assert "31600" in _codes(note)
