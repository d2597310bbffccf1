"""A step that keeps room for a later operation ("pins set to leave room for later plate
fixation") does not tell that operation done: a staged external fixator of a pilon fracture
is the fixator alone, not the open treatment planned for later."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_staged_fixator_with_room_left_for_later_plate_fixation() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Comminuted right tibial plafond fracture.\n"
        "PROCEDURE: Application of a spanning external fixator, right ankle.\n"
        "DESCRIPTION: A transcalcaneal pin was placed, then two half pins in the tibial shaft, "
        "kept proximal to leave room for later plate fixation. The bars were connected and "
        "the fracture brought out to length under fluoroscopy. The frame was locked."
    )
    codes = _codes(note)
    assert "20690" in codes
    assert not {"27827", "27828"} & set(codes)


def test_fixation_done_now_is_still_read_as_done() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right tibial pilon fracture.\n"
        "PROCEDURE: Open reduction and internal fixation of the right tibial pilon fracture.\n"
        "DESCRIPTION: Through an anteromedial approach the articular surface was reduced and "
        "a distal tibial plate was applied and fixed with locking screws."
    )
    assert _codes(note) == ["27827"]


def test_room_for_a_later_step_is_planned() -> None:
    from agentkit.coding.engine import analyze, assertion_of

    for note, mention in [
        ("The pins were kept high to leave room for later plate fixation.", "plate fixation"),
        ("The capsule was preserved to allow future conversion to arthroplasty.", "arthroplasty"),
    ]:
        doc = analyze(note)
        i = note.index(mention)
        assert assertion_of(doc, i, i + len(mention)).status == "hypothetical"
