"""A shunt revision titled "endoscopic" whose detailed story never uses a scope is the open
revision alone: the neuroendoscopy add-on (62160) needs the endoscope told in the story. A
story that passes the endoscope into the ventricle keeps it."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def note(scope_sentence: str) -> str:
    return (
        "TITLE OF OPERATION: Endoscopic proximal shunt revision.\n"
        "PREOPERATIVE DIAGNOSIS: Shunt malfunction.\n"
        "DESCRIPTION: The patient was placed supine with the head turned to the left. The old "
        "right frontal incision was opened and the burr hole exposed. The old ventricular "
        "catheter was disconnected from the valve and removed. It was blocked with choroid "
        f"plexus. {scope_sentence} A new ventricular catheter was passed into the right lateral "
        "ventricle with good flow of clear fluid. It was connected to the existing valve and "
        "secured with a silk tie. The distal run-off was tested and flowed well. The wound was "
        "irrigated and closed in two layers. A sterile dressing was applied.\n"
    )


def test_titled_endoscopic_without_a_scope_in_the_story_is_the_revision_alone() -> None:
    got = codes(note("The tract was irrigated with saline."))
    assert "62225" in got
    assert "62160" not in got


def test_the_endoscope_told_in_the_story_keeps_the_add_on() -> None:
    got = codes(note("The neuroendoscope was passed down the old tract into the ventricle."))
    assert "62225" in got
    assert "62160" in got
