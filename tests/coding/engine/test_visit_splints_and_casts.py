"""Splints and casts an emergency or office clinician fabricates and applies are coded beside the
visit when he gives no restorative care of the fracture; a prefabricated device handed out (a
sling, a walking boot, an off-the-shelf brace) is no service of its own, and a splint put on
after an operation or with a reduction is part of that care."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    out: list[dict[str, Any]] = code_cpt(note, patient={"age": 45})["procedures"]
    return [p["code"] for p in out]


def _visit(exam: str, course: str, assessment: str) -> str:
    return (
        "CHIEF COMPLAINT: Injury after a fall.\n"
        "HISTORY OF PRESENT ILLNESS: A 45-year-old woman slipped on ice this morning and"
        " landed on her outstretched arm.\n"
        f"PHYSICAL EXAMINATION: Alert, in mild distress. {exam}\n"
        f"ED COURSE: {course}\n"
        f"ASSESSMENT: {assessment}\n"
        "PLAN: Ice, elevation, ibuprofen. Orthopedic clinic in five days.\n"
    )


def test_an_emergency_short_arm_splint_is_coded_beside_the_visit() -> None:
    note = _visit(
        "Tender swollen left wrist; radiographs show a nondisplaced distal radius fracture.",
        "I fashioned a volar fiberglass splint, which was applied to the left forearm."
        " Capillary refill normal afterwards.",
        "Nondisplaced fracture of the left distal radius.",
    )
    codes = _codes(note)
    assert "29125" in codes
    assert codes[0].startswith("9928")


def test_a_posterior_splint_on_the_ankle_is_a_short_leg_splint() -> None:
    note = _visit(
        "Right ankle swollen over the lateral malleolus; x-ray shows an avulsion fracture of the"
        " distal fibula.",
        "A posterior plaster splint was applied to the right ankle and lower leg.",
        "Avulsion fracture of the right distal fibula.",
    )
    assert "29515" in _codes(note)


def test_a_finger_splint_is_coded() -> None:
    note = _visit(
        "The left ring finger is swollen at the proximal joint, stable, x-ray negative.",
        "An aluminum finger splint was molded and applied to the left ring finger.",
        "Sprain of the left ring finger.",
    )
    assert "29130" in _codes(note)


def test_a_sling_or_a_prefabricated_brace_is_no_service() -> None:
    note = _visit(
        "Tender mid clavicle; x-ray shows a midshaft clavicle fracture.",
        "She was placed in a sling. A prefabricated wrist splint with velcro straps was applied"
        " for comfort.",
        "Fracture of the clavicle.",
    )
    assert not any(c.startswith("29") for c in _codes(note))


def test_a_splint_after_a_reduction_is_part_of_the_fracture_care() -> None:
    note = _visit(
        "Dorsally angulated left distal radius fracture on x-ray.",
        "After a hematoma block the fracture was reduced with traction and a short arm splint"
        " was applied. Post-reduction films show good alignment.",
        "Distal radius fracture, reduced.",
    )
    assert "29125" not in _codes(note)
