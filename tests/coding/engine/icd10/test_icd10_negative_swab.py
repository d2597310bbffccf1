"""ICD-10-CM: a test told negative right after the infection it looks for denies that infection
("COVID negative", "influenza A and B negative"); an organism test told negative inside a
diagnosis leaves the diagnosis unspecified ("strep pharyngitis negative" is J02.9). A blood
group, a receptor status or a Gram stain told negative denies nothing. Synthetic notes written
for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

HPI = (
    "HISTORY OF PRESENT ILLNESS: A 30-year-old patient seen in the clinic today with two days "
    "of symptoms and a temperature at home.\n"
)


def codes(assessment: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(HPI + "ASSESSMENT: " + assessment + "\n"))]


def test_a_swab_told_negative_after_the_virus_denies_the_infection() -> None:
    assert codes("Fever and cough. Influenza A and B negative.") == ["R50.9", "R05.9"]
    assert codes("Fever and cough. Flu A/B swab negative.") == ["R50.9", "R05.9"]
    assert codes("Cough. COVID negative.") == ["R05.9"]
    assert "U07.1" not in codes("Cough. COVID-19 PCR negative.")
    # the positive one of two stays
    assert codes("Influenza, COVID negative.") == ["J11.1"]
    assert codes("Influenza.") == ["J11.1"]


def test_an_organism_test_told_negative_leaves_the_diagnosis_unspecified() -> None:
    assert codes("Strep pharyngitis negative.") == ["J02.9"]
    assert codes("Acute pharyngitis, rapid strep negative.") == ["J02.9"]
    assert codes("Streptococcal pharyngitis.") == ["J02.0"]
    assert codes("Bronchiolitis, RSV swab negative.") == ["J21.9"]
    assert codes("RSV bronchiolitis.") == ["J21.0"]


def test_negative_that_is_a_group_a_receptor_or_a_stain_denies_nothing() -> None:
    assert "N39.0" in codes("Urinary tract infection with gram-negative rods.")
    got = codes("Breast cancer, ER/PR negative.")
    assert "C50.919" in got and "Z17.1" in got
    assert "C50.919" in codes("Triple negative breast cancer.")
