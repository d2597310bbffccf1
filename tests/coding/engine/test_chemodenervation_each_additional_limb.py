"""Chemodenervation of the limbs (64642 for the first, 64643 for each additional extremity)
counts one 64643 unit for every limb after the first, the limbs told by the muscles' sides:
an arm and both legs are the first limb and two more. One arm and one leg stay one unit, and
two muscles of the same arm are one limb, no add-on."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> dict[str, int]:
    return {p["code"]: p["units"] for p in code_cpt(note)["procedures"]}


def test_one_arm_and_both_legs_are_two_additional_limbs() -> None:
    note = (
        "DIAGNOSIS: Spastic quadriparesis after a stroke.\n"
        "PROCEDURE: Botulinum toxin injection to the right biceps, right flexor carpi "
        "radialis and bilateral gastrocnemius muscles.\n"
        "DESCRIPTION: The muscles were localized with EMG stimulation. 100 units of "
        "Botox were given into the right arm muscles and 100 units into each calf.\n"
    )
    got = lines(note)
    assert got.get("64642") == 1
    assert got.get("64643") == 2


def test_one_arm_and_one_leg_is_one_additional_limb() -> None:
    note = (
        "DIAGNOSIS: Hemiplegia with spasticity.\n"
        "PROCEDURE: Botox injection to the left biceps and left gastrocnemius.\n"
        "DESCRIPTION: Under EMG guidance 200 units of Botox were injected.\n"
    )
    got = lines(note)
    assert got.get("64642") == 1
    assert got.get("64643") == 1


def test_two_muscles_of_one_arm_are_one_limb() -> None:
    note = (
        "DIAGNOSIS: Spasticity of the right arm.\n"
        "PROCEDURE: Botox injection to the right biceps and right pronator teres.\n"
        "DESCRIPTION: Under EMG guidance 150 units of Botox were injected.\n"
    )
    got = lines(note)
    assert got.get("64642") == 1
    assert "64643" not in got
