"""A left heart catheterization is the catheter in a left heart chamber. A study listed as
"left and right heart catheterization" whose catheter could not be passed across the aortic
valve (or was never tried) is coronary angiography with the right heart study (93456), or
alone (93454); one whose catheter crossed after a first failed attempt keeps 93460/93458.
Coronary and graft angiography with a right heart study and no left heart work is 93457.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_LIST = (
    "PROCEDURES PERFORMED:\n1. Left heart catheterization.\n2. Right heart catheterization.\n"
    "3. Selective coronary angiography.\n\n"
)


def test_failed_crossing_with_right_heart_study_is_93456() -> None:
    note = _LIST + (
        "DESCRIPTION: A Swan-Ganz catheter was floated to the pulmonary capillary wedge "
        "position and wedge, pulmonary artery and right atrial pressures were recorded. "
        "Selective coronary angiography was done with JL4 and JR4 catheters. We could not "
        "cross the heavily calcified aortic valve with a pigtail catheter.\n"
    )
    assert _codes(note) == ["93456"]


def test_no_attempt_to_cross_without_right_heart_is_93454() -> None:
    note = (
        "PROCEDURE PERFORMED: Left heart catheterization and selective coronary angiography.\n"
        "DESCRIPTION: Selective injections of the left and right coronary arteries were made "
        "with JL4 and JR4 catheters. Given critical aortic stenosis we did not attempt to cross "
        "the aortic valve and no ventriculogram was done.\n"
    )
    assert _codes(note) == ["93454"]


def test_crossed_after_a_failed_attempt_keeps_93460() -> None:
    note = _LIST + (
        "DESCRIPTION: Right heart pressures were recorded with a Swan-Ganz catheter including "
        "the wedge pressure. Coronary angiography was done with JL4 and JR4 catheters. We were "
        "initially unable to cross the aortic valve with the pigtail; using a straight wire "
        "the catheter was then advanced into the left ventricle and the LVEDP was 22 mmHg.\n"
    )
    assert _codes(note) == ["93460"]


def test_grafts_and_right_heart_without_left_heart_is_93457() -> None:
    note = (
        "PROCEDURE PERFORMED: Right heart catheterization, coronary and bypass graft "
        "angiography.\n"
        "DESCRIPTION: A Swan-Ganz catheter measured the wedge and pulmonary artery pressures. "
        "The native coronary arteries were engaged with JL4 and JR4 catheters, and the "
        "saphenous vein grafts were selectively injected and are patent.\n"
    )
    assert _codes(note) == ["93457"]
