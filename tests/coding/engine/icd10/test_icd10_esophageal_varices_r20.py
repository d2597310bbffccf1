"""Esophageal varices as an endoscopist writes them ("small grade I esophageal varices") are
I85.00, bleeding I85.01; with a cirrhotic liver or portal hypertension they are secondary
varices (I85.1-). An unspecified GI bleed told with melena is the melena (K92.1); an
inflammatory bowel disease of no stated type is K52.9, of a named type that type.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(impression: str, indication: str = "Surveillance.") -> list[str]:
    note = (
        "PROCEDURE: Esophagogastroduodenoscopy.\n"
        f"INDICATION: {indication}\n"
        f"IMPRESSION:\n{impression}\n"
    )
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_graded_varices_are_coded() -> None:
    codes = _codes("1. Small grade II esophageal varices. No red wale signs.")
    assert "I85.00" in codes


def test_varices_with_cirrhosis_are_secondary() -> None:
    codes = _codes("1. Large esophageal varices without bleeding.\n2. Cirrhosis of the liver.")
    assert "I85.10" in codes and "K74.60" in codes and "I85.00" not in codes
    codes = _codes("1. Actively bleeding esophageal varices.\n2. Alcoholic cirrhosis.")
    assert "I85.11" in codes and "I85.01" not in codes


def test_varices_elsewhere_are_not_esophageal() -> None:
    assert not any(c.startswith("I85") for c in _codes("1. Varicose veins of both legs."))


def test_gi_bleed_told_with_melena_is_the_melena() -> None:
    codes = _codes(
        "1. Small hiatal hernia. No source of bleeding seen.",
        "Melena, acute upper GI bleed.",
    )
    assert "K92.1" in codes and "K92.2" not in codes


def test_inflammatory_bowel_disease_of_no_stated_type() -> None:
    assert _codes("1. Active flare of inflammatory bowel disease.") == ["K52.9"]
    # the type it is named is its code, not a second unspecified colitis
    assert _codes("1. IBD (ulcerative colitis).") == ["K51.90"]
