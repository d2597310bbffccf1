"""A ventilation-perfusion scan's reading is a likelihood at every grade ("low probability for
pulmonary embolism", "intermediate probability scan for PE", "high probability for pulmonary
embolism"): an uncertain diagnosis, so the reason for the study is coded, not the embolism
I26.99. A pulmonary embolism the impression states is still coded. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _icd(impression: str) -> list[str]:
    note = (
        "EXAM: Ventilation perfusion lung scan.\n"
        "HISTORY: Shortness of breath.\n"
        "FINDINGS: Xenon ventilation and Tc-99m MAA perfusion images show small matched "
        "defects at both bases.\n"
        f"IMPRESSION: {impression}\n"
    )
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_probability_grades_are_not_an_embolism() -> None:
    for impression in (
        "Low probability for pulmonary embolism.",
        "Intermediate probability scan for PE.",
        "High probability for pulmonary embolism.",
    ):
        codes = _icd(impression)
        assert "I26.99" not in codes, impression
        assert codes == ["R06.02"], impression


def test_stated_embolism_is_coded() -> None:
    assert "I26.99" in _icd("Acute pulmonary embolism of the right lower lobe.")
