""" "ALT" is a liver enzyme as often as argon laser trabeculoplasty: only the eye or the laser
told with it makes it the laser operation."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_liver_enzyme_is_no_trabeculoplasty() -> None:
    note = (
        "HISTORY: A 3-week-old with fever.\n"
        "PHYSICAL EXAMINATION: Fontanelle soft. Lungs clear.\n"
        "MEDICAL DECISION MAKING: Both eyes are red. AST and ALT were elevated at 300 and "
        "150. A spinal tap is indicated.\n"
        "PROCEDURE NOTE: The infant was held curled and a spinal needle entered the "
        "subarachnoid space at L4-L5 with clear CSF obtained for cell count and culture.\n"
    )
    assert "65855" not in codes(note)


def test_argon_laser_trabeculoplasty_is_coded() -> None:
    note = (
        "PROCEDURE: ALT, right eye.\n"
        "DESCRIPTION: Fifty laser spots were applied over 180 degrees of the trabecular "
        "meshwork of the right eye.\n"
    )
    assert "65855" in codes(note)
