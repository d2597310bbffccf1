"""A radiology impression that names a finding without its site ("Arthrosis and joint
effusion.") takes the site of the study when the title names one ("MRI OF THE LEFT KNEE"):
osteoarthritis of the left knee M17.12; a title of several sites ("MRI orbit/face/neck")
gives none, and a procedure note is unchanged. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def report(title: str, impression: str) -> str:
    return (
        f"EXAM: {title}\n"
        "HISTORY: Pain after a fall.\n"
        "FINDINGS: Described below.\n"
        f"IMPRESSION: {impression}\n"
    )


def test_single_site_title_refines_the_finding() -> None:
    assert icd(report("MRI OF THE LEFT KNEE WITHOUT CONTRAST", "Arthrosis.")) == ["M17.12"]
    assert icd(report("MRI of the right hip.", "Moderate osteoarthritis.")) == ["M16.11"]


def test_site_in_the_impression_wins() -> None:
    got = icd(report("MRI OF THE LEFT KNEE", "Osteoarthritis of the left hip on the scout."))
    assert got == ["M16.12"]


def test_several_sites_in_the_title_give_none() -> None:
    got = icd(report("MRI orbit/face/neck with contrast", "Soft tissue mass."))
    assert got == ["R22.9"]
