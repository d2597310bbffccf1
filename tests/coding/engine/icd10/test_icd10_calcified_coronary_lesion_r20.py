"""A calcified coronary lesion told with coronary atherosclerosis adds I25.84 after the
atherosclerosis code (tabular I25.84, code first I25.1-); a calcified valve is no coronary
lesion, a vessel merely called calcified is not coded (the labelled sets do not), and the
angina code the atherosclerosis carries stays.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(findings: str, impression: str = "Two-vessel coronary artery disease.") -> list[str]:
    note = (
        "PROCEDURE: Left heart catheterization with selective coronary angiography.\n"
        "INDICATION: Exertional chest pressure.\n"
        f"FINDINGS: {findings}\n"
        f"IMPRESSION: {impression}\n"
    )
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_calcified_stenosis_adds_the_calcified_lesion_code() -> None:
    codes = _codes("The LAD has an 80% heavily calcified stenosis. The RCA has a 60% lesion.")
    assert "I25.84" in codes
    assert codes.index("I25.84") > 0  # after the atherosclerosis it qualifies


def test_heavily_calcified_vessel_counts_a_merely_calcified_one_not() -> None:
    assert "I25.84" in _codes("The LAD is heavily calcified with a 70% proximal stenosis.")
    assert "I25.84" not in _codes("The left main is calcified. The circumflex has a 70% lesion.")


def test_angina_code_is_kept_beside_the_calcified_lesion() -> None:
    codes = _codes(
        "Dense calcific plaque in the proximal LAD with a 75% stenosis.",
        "Coronary artery disease with angina.",
    )
    assert "I25.84" in codes
    assert any(c.startswith("I25.11") for c in codes)


def test_calcified_valve_or_no_calcium_is_no_calcified_coronary_lesion() -> None:
    assert "I25.84" not in _codes(
        "The aortic valve is heavily calcified. The LAD has a 70% stenosis."
    )
    assert "I25.84" not in _codes("No coronary calcification. The LAD has a 70% stenosis.")
    assert "I25.84" not in _codes(
        "The LAD is calcified.", "Normal coronary arteries without stenosis."
    )
