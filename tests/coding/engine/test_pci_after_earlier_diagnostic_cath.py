"""A coronary stent placed after a diagnostic catheterization done at an earlier session: the
angiography of the PCI session is not reported again (CMS lets it be reported with 59 only when
no earlier study exists). The earlier study may be told anywhere - in the history, or in the
consent ("risks reviewed as at his diagnostic catheterization"); a study told as done today
beside the PCI still takes 59."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

PCI = """PROCEDURE PERFORMED: Percutaneous coronary intervention of the right coronary artery.
{extra}
DESCRIPTION OF PROCEDURE: The right femoral artery was entered and a 6 French sheath placed.
Selective angiography of the right coronary artery was done through a JR4 guide. The mid
vessel stenosis of 95% was crossed with a wire, predilated, and a 3.0 x 18 mm drug-eluting
stent was deployed, leaving 0% residual narrowing.
IMPRESSION: Successful stenting of the right coronary artery.
"""


def _lines(note: str) -> list[str]:
    return [
        p["code"] + "".join("-" + m for m in p["modifiers"]) for p in code_cpt(note)["procedures"]
    ]


def test_an_earlier_cath_told_in_the_history_bundles_the_session_angiography() -> None:
    extra = "HISTORY: He had a heart catheterization 3 days ago showing a tight lesion."
    assert _lines(PCI.format(extra=extra)) == ["92928-RC"]


def test_an_earlier_cath_told_in_the_consent_bundles_the_session_angiography() -> None:
    extra = (
        "INFORMED CONSENT: The risks were gone over again as they had been at his diagnostic "
        "catheterization."
    )
    assert _lines(PCI.format(extra=extra)) == ["92928-RC"]


def test_no_earlier_study_keeps_the_diagnostic_angiography_with_59() -> None:
    extra = "INDICATION: Unstable angina. No prior catheterization."
    assert _lines(PCI.format(extra=extra)) == ["92928-RC", "93454-59"]


def test_an_earlier_cath_without_a_pci_leaves_todays_diagnostic_cath_billed() -> None:
    note = """PROCEDURE PERFORMED: Left heart catheterization, coronary angiography, and left
ventriculography.
HISTORY: He had a catheterization two years ago showing mild disease; now new angina.
DESCRIPTION: The right femoral artery was entered. Selective coronary angiography was done with
JL4 and JR4 catheters and left ventriculography with a pigtail catheter; LVEDP was 12 mm Hg.
IMPRESSION: Moderate right coronary disease; medical therapy.
"""
    assert _lines(note) == ["93458"]
