"""A coronary study that leads to a stent at the same session with no earlier study takes 59,
also when the stent is told as "we stented the lesion" or "ballooned the lesion"."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

PCI = """PROCEDURES PERFORMED:
1. Left heart catheterization with coronary angiography.
2. Percutaneous coronary intervention of the mid LAD.
DESCRIPTION OF PROCEDURE: A 6-French sheath was placed in the right femoral artery. Coronary
angiography was performed with JL4 and JR4 catheters, and left ventricular pressure was measured
with a pigtail catheter. The mid LAD had a 90% stenosis. A guide catheter engaged the left main.
The lesion was crossed with a wire, we ballooned the lesion with a 2.5 mm balloon and then
stented the lesion with a 3.0 x 18 mm drug-eluting stent.
CONCLUSION: Good angiographic result.
"""


def _lines(note: str) -> list[str]:
    return [
        p["code"] + "".join("-" + m for m in p["modifiers"]) for p in code_cpt(note)["procedures"]
    ]


def test_a_lesion_told_stented_makes_the_same_session_coronary_study_distinct() -> None:
    assert _lines(PCI) == ["92928-LD", "93458-59"]


def test_no_stent_placed_leaves_the_coronary_study_without_59() -> None:
    note = PCI.replace(
        "we ballooned the lesion with a 2.5 mm balloon and then\nstented the lesion with a "
        "3.0 x 18 mm drug-eluting stent.",
        "medical therapy was chosen.",
    )
    assert "93458" in _lines(note)
