"""A glenoid labral tear told as degenerative (worn, frayed; a type 1 SLAP lesion) is an
articular cartilage disorder of the shoulder (M24.11-), not a labral injury (S43.43-); the
narrative's description refines the diagnosis list's bare "labral tear".
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(postop: str, findings: str = "The rotator cuff was intact.") -> list[str]:
    note = (
        f"POSTOPERATIVE DIAGNOSIS:\n{postop}\n"
        "PROCEDURE: Arthroscopy of the shoulder with labral debridement.\n"
        f"FINDINGS: {findings}\n"
    )
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_degenerative_labral_tear_is_cartilage_disorder() -> None:
    assert "M24.112" in _codes("1. Degenerative superior labral tear, left shoulder.")


def test_type_one_slap_is_degenerative() -> None:
    assert "M24.111" in _codes("1. Type I SLAP lesion, right shoulder.")


def test_narrative_tells_the_tear_is_degenerative() -> None:
    codes = _codes(
        "1. Glenoid labrum tear, right shoulder.",
        "There was a frayed, degenerative glenoid labrum tear posteriorly.",
    )
    assert "M24.111" in codes and "S43.431A" not in codes


def test_slap_tear_otherwise_stays_an_injury() -> None:
    assert "S43.432A" in _codes("1. Type II SLAP tear, left shoulder.")
    assert "S43.431A" in _codes(
        "1. Glenoid labrum tear, right shoulder.", "The superior labrum was detached."
    )
