"""Metastases told by where they came from: the site after "from" is the primary malignancy,
the site after "to" the secondary one; with no secondary site told, the secondary is of an
unspecified site (C79.9). "Metastatic disease of the lung" is still the lung as a secondary site.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _icd(diagnosis: str) -> list[str]:
    note = f"""PREOPERATIVE DIAGNOSIS: {diagnosis}
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE: Core needle biopsy.
"""
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_the_site_it_came_from_is_the_primary() -> None:
    codes = _icd("Metastatic adenocarcinoma from the colon to the liver.")
    assert set(codes) == {"C18.9", "C78.7"}
    assert set(_icd("Metastatic carcinoma to the liver from a pancreatic primary.")) == {
        "C25.9",
        "C78.7",
    }


def test_a_primary_with_no_secondary_site_told_adds_the_unspecified_secondary() -> None:
    codes = _icd("Metastatic carcinoma from the left lung.")
    assert set(codes) == {"C34.92", "C79.9"}
    assert "C78.02" not in codes


def test_metastases_in_an_organ_are_still_secondary() -> None:
    codes = _icd("Metastatic disease of the lung.")
    assert "C78.00" in codes
    assert not any(c.startswith("C34") for c in codes)
