"""A splinter removed at an emergency or office visit (round 19): "I was able to grasp the
splinter and remove it" tells the removal as done, in a TREATMENT paragraph too, so the visit
bills the simple foreign body removal 10120 (the evaluation is the decision for it). A joint
named only as a landmark ("just distal to the DIP joint") does not make it a joint foreign body;
a foreign body taken out of a joint still is not 10120."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_splinter_grasped_after_digital_block_is_10120() -> None:
    note = """HISTORY OF PRESENT ILLNESS: A 60-year-old man with a wooden splinter under the nail of
his right index finger since yesterday; he could not get it out at home.
PHYSICAL EXAMINATION: A 4 mm splinter lies beneath the nail plate. No redness or swelling.
TREATMENT: A digital block was placed at the base of the finger, just proximal to the PIP joint,
with 1% lidocaine. I was able to grasp the splinter with fine forceps and remove it intact. The
area was cleansed and dressed.
ASSESSMENT: Foreign body of the right index finger, removed.
"""
    codes = _codes(note)
    assert "10120" in codes


def test_unsuccessful_attempt_is_not_a_removal() -> None:
    note = """HISTORY OF PRESENT ILLNESS: Splinter in the left palm.
PHYSICAL EXAMINATION: A deep wooden splinter in the thenar eminence.
TREATMENT: I attempted to grasp the splinter but it broke off deep in the tissue. She was referred
to hand surgery for removal in the operating room.
ASSESSMENT: Retained foreign body of the left hand.
"""
    assert "10120" not in _codes(note)


def test_foreign_body_inside_a_joint_is_not_soft_tissue() -> None:
    note = """PROCEDURE: Arthroscopic removal of a loose foreign body from the right knee joint.
DESCRIPTION: Standard arthroscopy portals were made and a retained metallic fragment within the
joint was grasped and removed.
"""
    assert "10120" not in _codes(note)
