"""A condition called the residual of an injury is its sequela (7th character S; index: Late
effect - see Sequelae), and radicular symptomatology is radiculopathy of the region told.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_residual_of_back_injury_is_a_sequela() -> None:
    note = "DIAGNOSIS: Residuals of a low back injury with left lumbar radicular symptomatology.\n"
    codes = _codes(note)
    assert "S39.92XS" in codes
    assert "M54.16" in codes


def test_fresh_back_injury_is_an_initial_encounter() -> None:
    # trap: no residual told - the injury of this visit
    assert _codes("DIAGNOSIS: Low back injury lifting a box yesterday.\n") == ["S39.92XA"]
