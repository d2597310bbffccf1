"""An abnormal mammogram the note says showed microcalcifications is R92.0 (mammographic
microcalcification), calcifications R92.1; with nothing said, or the calcifications denied,
it stays R92.8. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_microcalcifications_told_in_the_history() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right breast mass with abnormal mammogram.\n"
        "PROCEDURE: Needle-localized excisional biopsy of the right breast.\n"
        "HISTORY: A 58-year-old woman whose screening mammogram showed a cluster of "
        "microcalcifications in the right breast.\n"
    )
    codes = _codes(note)
    assert "R92.0" in codes
    assert "R92.8" not in codes


def test_abnormal_mammogram_without_detail_or_with_none() -> None:
    assert _codes("DIAGNOSIS: Abnormal mammogram.\n") == ["R92.8"]
    note = (
        "DIAGNOSIS: Abnormal mammogram.\n"
        "HISTORY: The mammogram showed an asymmetric density with no microcalcifications.\n"
    )
    assert _codes(note) == ["R92.8"]
