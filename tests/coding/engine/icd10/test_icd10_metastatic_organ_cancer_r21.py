"""A "metastatic lung cancer": the organ named with the cancer is the primary site, spread to a
site not told (Index: Metastasis, from specified site - see Neoplasm, malignant, by site), so
C34.90 with C79.9 - not a secondary lung malignancy C78.00 as well. The lung told as where the
cancer went ("to the lungs", "pulmonary metastases") is still the secondary site.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(assessment: str) -> list[str]:
    note = (
        "CHIEF COMPLAINT: Fatigue.\n"
        "HISTORY OF PRESENT ILLNESS: A 66-year-old seen to discuss treatment.\n"
        f"ASSESSMENT:\n{assessment}\n"
        "PLAN: Discuss systemic therapy.\n"
    )
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_metastatic_organ_cancer_is_that_primary() -> None:
    for text in (
        "1. Metastatic lung cancer.",
        "1. Metastatic non-small cell lung cancer.",
        "1. Metastatic adenocarcinoma of the lung.",
        "1. Lung cancer, metastatic.",
    ):
        codes = _codes(text)
        assert sorted(codes) == ["C34.90", "C79.9"], (text, codes)


def test_secondary_site_told_stays_secondary() -> None:
    # the trap: the lung as where another cancer spread is the secondary site
    assert sorted(_codes("1. Metastatic breast cancer to the lungs.")) == ["C50.919", "C78.00"]
    assert _codes("1. Metastatic disease to the lungs.") == ["C78.00"]
    assert sorted(_codes("1. Metastatic lung cancer to the liver.")) == ["C34.90", "C78.7"]
