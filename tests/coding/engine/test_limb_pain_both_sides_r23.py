"""Pain in a limb said on both sides ("pain in both legs", "pain in her arms") has no bilateral
code: the right and the left code (guideline I.B.13), also for the limb-pain titles that put
"unspecified" last ("Pain in leg, unspecified"). One limb with no side stays unspecified."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def dx(note: str) -> list[str]:
    return sorted(d["code"] for d in code_cpt(note)["diagnoses"])


def test_legs_in_the_plural_are_the_right_and_the_left_leg() -> None:
    note = "ASSESSMENT: Aching pain in her legs after walking.\nPLAN: Check labs.\n"
    assert dx(note) == ["M79.604", "M79.605"]


def test_arms_in_the_plural_are_the_right_and_the_left_arm() -> None:
    note = "IMPRESSION: Pain in both arms, worse at night.\n"
    assert dx(note) == ["M79.601", "M79.602"]


def test_one_leg_with_no_side_stays_unspecified() -> None:
    note = "ASSESSMENT: Leg pain, likely muscular.\n"
    assert dx(note) == ["M79.606"]


def test_a_sided_leg_keeps_its_side() -> None:
    note = "ASSESSMENT: Right leg pain after a fall.\n"
    assert dx(note) == ["M79.604"]
