"""A shunt revision done with the neuroendoscope adds 62160 (neuroendoscopy for placing or
replacing the ventricular catheter) to its revision code, whether the title says "endoscopic
proximal shunt revision" or the narrative tells the catheter "endoscopically introduced"; a
revision with no endoscope has no 62160. A revision of the ventricular end alone (the blocked
ventricular catheter replaced, valve and distal catheter kept) is 62225, the replacement of the
ventricular catheter; 62230 is for the valve or the distal catheter."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> set[str]:
    return {p["code"] for p in code_cpt(note)["procedures"]}


def test_endoscopic_proximal_shunt_revision_in_the_title_adds_62160() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Ventriculoperitoneal shunt malfunction, hydrocephalus.\n"
        "TITLE OF OPERATION: Endoscopic proximal shunt revision.\n"
        "DESCRIPTION: The frontal incision was reopened, the old ventricular catheter was "
        "disconnected from the valve and withdrawn, and a new ventricular catheter was passed "
        "into the right lateral ventricle with good flow of cerebrospinal fluid and connected "
        "to the valve. The scalp was closed.\n"
    )
    got = codes(note)
    assert {"62225", "62160"} <= got
    assert "62230" not in got


def test_catheter_endoscopically_introduced_adds_62160() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Proximal obstruction of a ventriculoperitoneal shunt.\n"
        "PROCEDURE: Shunt revision with replacement of the ventricular catheter.\n"
        "DESCRIPTION: The burr hole site was reopened and the blocked catheter removed. A new "
        "ventricular catheter was endoscopically introduced into the lateral ventricle away "
        "from the choroid plexus and connected to the valve.\n"
    )
    assert {"62225", "62160"} <= codes(note)


def test_shunt_revision_without_an_endoscope_has_no_62160() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Ventriculoperitoneal shunt malfunction, hydrocephalus.\n"
        "PROCEDURE: Proximal shunt revision.\n"
        "DESCRIPTION: The old ventricular catheter was removed and a new one was passed into the "
        "right lateral ventricle through the same burr hole and connected to the valve.\n"
    )
    got = codes(note)
    assert "62225" in got
    assert "62160" not in got
