"""An opening between the atria (a secundum defect, a patent foramen ovale, the fenestration of
a Fontan conduit) closed with an occluder delivered by catheter is 93580, which includes the
right and left heart catheterization that guides it. A device closure of a ductus stays 93582
and a surgical closure on bypass is no 93580."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_fontan_fenestration_closed_with_a_device() -> None:
    note = (
        "HISTORY: A 12-year-old after an extracardiac Fontan with an 8 mm fenestration.\n"
        "PROCEDURE: Right and left heart catheterization was performed from the right femoral "
        "vein and artery. Test occlusion of the fenestration raised the Fontan pressure from 11 "
        "to 13 mmHg. A 10 mm Amplatzer occluder was delivered across the fenestration and "
        "released. Following the device closure of the fenestration the saturation rose to 96%.\n"
    )
    got = codes(note)
    assert "93580" in got
    assert not {"93597", "93596", "93593"} & set(got)


def test_secundum_defect_closed_with_an_occluder() -> None:
    note = (
        "PROCEDURE: Transcatheter closure of a secundum atrial septal defect.\n"
        "DESCRIPTION: From the right femoral vein the defect was sized with a balloon at 18 mm. "
        "An 18 mm septal occluder was deployed across the atrial septal defect under "
        "transesophageal guidance and released with no residual shunt.\n"
    )
    assert "93580" in codes(note)


def test_surgical_closure_on_bypass_is_not_93580() -> None:
    note = (
        "PROCEDURE: Closure of secundum atrial septal defect with a pericardial patch.\n"
        "DESCRIPTION: Through a median sternotomy the patient was placed on cardiopulmonary "
        "bypass. The right atrium was opened and the atrial septal defect closed with a patch.\n"
    )
    assert "93580" not in codes(note)
