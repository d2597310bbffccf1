"""A left heart catheterization is work in the left ventricle (its pressure, a ventriculogram,
the aortic valve crossed). A narrated catheterization that names it only in its title and
tells nothing but coronary injections is coronary angiography alone (93454); a short report
that only names the study keeps 93458, and left ventricular work told keeps it too."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_NARRATED = (
    "PROCEDURE PERFORMED: 1. Left heart catheterization. 2. Selective coronary angiography.\n"
    "PROCEDURE: The right femoral artery was accessed and a 6 French sheath placed. A Judkins "
    "left 4 catheter was advanced to the ascending aorta and the left main coronary artery "
    "was engaged; injections were made in several views. A Judkins right 4 catheter then "
    "engaged the right coronary artery and it was injected. The sheath was removed.\n"
    "FINDINGS: Severe three-vessel coronary artery disease."
)


def test_narrated_study_with_coronary_injections_only_is_93454() -> None:
    codes = _codes(_NARRATED)
    assert "93454" in codes
    assert "93458" not in codes


def test_left_ventricular_pressure_told_keeps_93458() -> None:
    note = _NARRATED.replace(
        "The sheath was removed.",
        "A pigtail catheter was advanced into the left ventricle and LVEDP was 18 mmHg. "
        "The sheath was removed.",
    )
    codes = _codes(note)
    assert "93458" in codes
    assert "93454" not in codes


def test_short_report_naming_the_study_keeps_93458() -> None:
    note = (
        "PROCEDURE: Left heart catheterization and coronary angiography.\n"
        "FINDINGS: The left main, LAD and circumflex are free of disease; the right coronary "
        "artery has a 40% mid stenosis.\n"
        "IMPRESSION: Nonobstructive coronary artery disease."
    )
    codes = _codes(note)
    assert "93458" in codes
