"""An echocardiogram checked during the author's own catheterization or transcatheter
intervention (a septal defect closed with an occluder, a balloon valvuloplasty) is the
intervention's imaging - TEE guidance or intracardiac echo when the note says which - not a
separate transthoracic study (93306-93308). A transthoracic echo report is still coded."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

TTE = {"93306", "93307", "93308"}


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_echo_checked_during_septal_occlusion_is_no_tte() -> None:
    note = (
        "HISTORY: A 7-year-old with a secundum atrial septal defect and right heart "
        "enlargement.\n"
        "PROCEDURE: Under general anesthesia the right femoral vein was accessed. Cardiac "
        "catheterization was performed with pressures and saturations recorded. The defect "
        "was sized with a balloon. A 14 mm Amplatzer septal occluder was advanced through the "
        "sheath and deployed across the atrial septal defect. Echocardiogram showed good "
        "position without residual shunt, and the device was released. The sheath was "
        "removed and hemostasis obtained.\n"
    )
    got = codes(note)
    assert "93580" in got
    assert not TTE & set(got)


def test_transthoracic_echo_report_still_codes() -> None:
    note = (
        "PROCEDURE: Transthoracic echocardiogram.\n"
        "INDICATION: Shortness of breath.\n"
        "FINDINGS: The left ventricle is normal in size with an ejection fraction of 60%. "
        "The mitral valve is structurally normal. There is no pericardial effusion.\n"
    )
    assert TTE & set(codes(note))
