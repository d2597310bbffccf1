"""Contrast venography of a limb is 75820 (one side) or 75822 (both), with the injection into
a limb vein 36005 when the note tells it: an arm venogram to find the subclavian vein before a
pacemaker or defibrillator lead goes in is reported beside the implant. Venograms of other
beds, a dialysis circuit study and a central catheter's own imaging are not."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_arm_venogram_before_pacemaker_leads() -> None:
    note = (
        "PROCEDURE: Dual-chamber pacemaker implantation; left arm venogram.\n"
        "DESCRIPTION: Fifteen mL of contrast was injected through a peripheral IV in the left "
        "forearm vein and a venogram showed a patent left axillary and subclavian vein. The "
        "axillary vein was punctured under fluoroscopy and two leads were placed in the right "
        "atrium and right ventricle. The generator was connected and placed in a left "
        "prepectoral pocket."
    )
    codes = [c for c, _ in _lines(note)]
    assert "33208" in codes
    assert ("75820", ["LT"]) in _lines(note)
    assert ("36005", ["LT"]) in _lines(note)


def test_venogram_through_the_sheath_has_no_separate_injection() -> None:
    note = (
        "PROCEDURE: Single-chamber pacemaker implantation. Left subclavian venogram.\n"
        "DESCRIPTION: The left subclavian vein was accessed and a sheath placed. Contrast was "
        "injected through the side port of the sheath and the venogram showed the course of "
        "the subclavian vein. A ventricular lead was positioned in the right ventricular apex "
        "and connected to the generator."
    )
    codes = [c for c, _ in _lines(note)]
    assert "75820" in codes
    assert "36005" not in codes


def test_coronary_sinus_venogram_and_picc_imaging_are_not_limb_venography() -> None:
    crt = (
        "PROCEDURE: Biventricular defibrillator implantation with coronary sinus venogram.\n"
        "DESCRIPTION: Through the left subclavian vein the coronary sinus was cannulated and a "
        "coronary sinus venogram obtained; the left ventricular lead was placed in a lateral "
        "branch and the right atrial and ventricular leads positioned."
    )
    picc = (
        "PROCEDURE: PICC line insertion, right arm.\n"
        "DESCRIPTION: The basilic vein was accessed under ultrasound. The catheter would not "
        "pass, so a venogram through the catheter showed a narrowed subclavian vein; the line "
        "was then advanced to the cavoatrial junction."
    )
    for note in (crt, picc):
        codes = [c for c, _ in _lines(note)]
        assert "75820" not in codes
        assert "36005" not in codes


def test_both_legs_venogram_is_75822() -> None:
    note = (
        "EXAM: Bilateral lower extremity venogram.\n"
        "TECHNIQUE: Contrast was injected through a dorsal foot vein on each side.\n"
        "FINDINGS: The deep veins of both legs fill normally with no filling defect.\n"
        "IMPRESSION: No deep venous thrombosis in either leg."
    )
    codes = [c for c, _ in _lines(note)]
    assert "75822" in codes
    assert "75820" not in codes
