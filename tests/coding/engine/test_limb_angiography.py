"""Diagnostic catheter angiography of the legs: each leg injected on its own is 75710 (one leg)
or 75716 (both), with the abdominal aortogram as 75625; an aortogram whose runoff views image
both legs stays 75630 and includes them; a limb treated in the same session leaves the imaging
to the revascularization codes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


BOTH_LEGS = (
    "PROCEDURES PERFORMED:\n"
    "1. Abdominal aortogram with pelvic runoff.\n"
    "2. Left iliac angiogram with runoff to the left foot.\n"
    "3. Right iliac angiogram with runoff to the right foot.\n"
    "INDICATION: Claudication of both calves at one block.\n"
    "DESCRIPTION: The right common femoral artery was accessed and a 5 French sheath placed. A "
    "flush catheter was positioned at the renal arteries and an abdominal aortogram was "
    "obtained with runoff to the pelvis. The catheter was brought over the bifurcation into "
    "the left external iliac artery and an angiogram was obtained with runoff to the left foot. "
    "It was then pulled back to the right common iliac artery and an angiogram was obtained "
    "with runoff to the right foot. The sheath was removed with manual pressure.\n"
    "FINDINGS: Occlusion of the left superficial femoral artery with reconstitution of the "
    "popliteal artery; 60 percent right external iliac stenosis.\n"
)


def test_each_leg_injected_on_its_own_is_75716_with_the_aortogram_75625() -> None:
    codes = [c for c, _ in _lines(BOTH_LEGS)]
    assert "75716" in codes
    assert "75625" in codes
    assert "75630" not in codes
    assert "75710" not in codes


def test_one_leg_is_75710_with_its_side() -> None:
    note = (
        "PROCEDURE: Left lower extremity angiogram.\n"
        "DESCRIPTION: Through a right femoral sheath a catheter was taken over the aortic "
        "bifurcation to the left external iliac artery and a left lower extremity angiogram "
        "was performed down to the foot. No intervention was needed.\n"
        "FINDINGS: Patent left iliac, femoral and popliteal arteries with three-vessel runoff.\n"
    )
    assert ("75710", ["LT"]) in _lines(note)


def test_aortogram_with_runoff_of_both_legs_stays_75630() -> None:
    note = (
        "PROCEDURE: Abdominal aortogram with bilateral lower extremity runoff.\n"
        "DESCRIPTION: Through the right femoral artery a flush catheter was placed in the "
        "abdominal aorta and an aortogram was obtained, followed by bilateral lower extremity "
        "runoff views to both feet.\n"
        "FINDINGS: Mild disease of both superficial femoral arteries.\n"
    )
    codes = [c for c, _ in _lines(note)]
    assert "75630" in codes
    assert "75716" not in codes
    assert "75710" not in codes


def test_leg_treated_in_the_session_leaves_the_imaging_to_the_angioplasty() -> None:
    note = (
        "PROCEDURES: Left lower extremity angiogram; balloon angioplasty of the left superficial "
        "femoral artery.\n"
        "DESCRIPTION: A left lower extremity angiogram showed a focal 90 percent stenosis of the "
        "mid superficial femoral artery, which was crossed with a wire and dilated with a 5 mm "
        "balloon to a good result.\n"
    )
    codes = [c for c, _ in _lines(note)]
    assert "37224" in codes
    assert "75710" not in codes


def test_ct_angiography_of_the_leg_is_not_catheter_angiography() -> None:
    note = (
        "EXAM: CT angiography of the right lower extremity.\n"
        "TECHNIQUE: Helical CT images of the right lower extremity angiogram phase after IV "
        "contrast, with 3D reconstructions.\n"
        "FINDINGS: Patent arteries to the ankle.\n"
    )
    codes = [c for c, _ in _lines(note)]
    assert "75710" not in codes


def test_sheath_side_port_injection_of_the_access_leg_is_no_limb_angiogram() -> None:
    note = (
        "PROCEDURES: Selective left common carotid angiogram.\n"
        "TECHNIQUE: A 6 French sheath was placed in the right common femoral artery. An "
        "injection through the side port of the sheath gave a right iliac angiogram with "
        "runoff before the closure device was placed at the end. A catheter was then used to "
        "select the left common carotid artery and cervical views were obtained.\n"
    )
    codes = [c for c, _ in _lines(note)]
    assert "75710" not in codes
