"""A submucosal injection under a polyp before its snare removal (a saline lift, or epinephrine
infiltrated into the base or stalk to prevent bleeding) is reported with the snare removal:
45385 and 45381. An EMR includes its lift (45390 alone), and an injection that stops bleeding
caused by the polypectomy is part of the polypectomy, not a submucosal injection."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

HEAD = """PROCEDURE: Colonoscopy with snare polypectomy.
INDICATION: Surveillance, history of adenomatous polyps.
DESCRIPTION: The colonoscope was advanced to the cecum, identified by the appendiceal orifice and
ileocecal valve. """


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_saline_lift_before_a_snare_adds_the_submucosal_injection() -> None:
    note = HEAD + (
        "In the ascending colon there was a 15 mm sessile polyp. Its base was injected with 6 mL "
        "of saline to lift it and it was removed with a hot snare in piecemeal fashion."
    )
    assert _codes(note) == ["45385", "45381"]


def test_epinephrine_into_a_stalk_to_prevent_bleeding_is_a_submucosal_injection() -> None:
    note = HEAD + (
        "In the transverse colon a 12 mm pedunculated polyp was found. The stalk was infiltrated "
        "with dilute epinephrine to prevent bleeding and the polyp was removed with a snare."
    )
    assert _codes(note) == ["45385", "45381"]


def test_injection_to_stop_bleeding_after_the_snare_is_no_submucosal_injection() -> None:
    note = HEAD + (
        "A 10 mm sigmoid polyp was removed with a snare. Immediate bleeding from the polypectomy "
        "site was controlled by injection of epinephrine into the base and two clips."
    )
    assert "45381" not in _codes(note)


def test_emr_includes_its_lift() -> None:
    note = HEAD.replace("snare polypectomy", "endoscopic mucosal resection") + (
        "A 30 mm flat cecal lesion was lifted with a submucosal injection of saline and removed "
        "by endoscopic mucosal resection with a snare."
    )
    assert _codes(note) == ["45390"]
