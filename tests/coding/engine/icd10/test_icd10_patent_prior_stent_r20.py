"""An angiogram that finds an earlier coronary stent open ("patent stent in the mid LAD", "the
circumflex had a patent stent") documents the stent's presence, Z95.5; a patent vessel, or a
stent outside the heart, is no such status.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(findings: str) -> list[str]:
    note = (
        "PROCEDURE: Left heart catheterization and coronary angiography.\n"
        "INDICATION: Chest pain.\n"
        f"FINDINGS: {findings} The right coronary artery has a 50% lesion.\n"
        "IMPRESSION: Coronary artery disease.\n"
    )
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_patent_earlier_stent_is_the_stent_status() -> None:
    assert "Z95.5" in _codes("There is a patent stent in the proximal LAD.")
    assert "Z95.5" in _codes("The circumflex artery had a patent stent.")


def test_other_patent_vessels_or_stents_are_not() -> None:
    assert "Z95.5" not in _codes("The left main is patent.")
    assert "Z95.5" not in _codes("The left renal artery stent is patent.")
