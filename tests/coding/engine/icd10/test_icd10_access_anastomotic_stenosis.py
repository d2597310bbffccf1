"""A dialysis graft found clotted and narrowed at its anastomosis has two complications, the
thrombosis T82.868A and the stenosis T82.858A; a malfunctioning access whose anastomotic
stenosis is found is the stenosis. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_clotted_graft_with_anastomotic_stenosis_in_the_diagnosis() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Clotted right upper arm dialysis graft.\n"
        "POSTOPERATIVE DIAGNOSIS: Clotted right upper arm dialysis graft with venous "
        "anastomotic stenosis.\n"
        "PROCEDURE: Open thrombectomy and patch angioplasty of the venous anastomosis.\n"
    )
    assert icd(note) == ["T82.868A", "T82.858A"]


def test_stenosis_told_in_the_findings() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Thrombosed left forearm arteriovenous graft.\n"
        "FINDINGS: Tight narrowing at the venous anastomosis from intimal hyperplasia.\n"
        "PROCEDURE: Thrombectomy of the graft with revision at the venous end.\n"
    )
    assert icd(note) == ["T82.868A", "T82.858A"]


def test_no_stenosis_found_is_the_thrombosis_alone() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Thrombosed left forearm arteriovenous graft.\n"
        "FINDINGS: Good inflow; no stenosis at the venous anastomosis.\n"
        "PROCEDURE: Thrombectomy of the graft.\n"
    )
    assert icd(note) == ["T82.868A"]


def test_malfunctioning_access_with_a_stenosis_is_the_stenosis() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Malfunctioning left arm AV fistula.\n"
        "FINDINGS: High-grade anastomotic stenosis, dilated with a 6 mm balloon.\n"
        "PROCEDURE: Fistulogram with balloon angioplasty.\n"
    )
    assert icd(note) == ["T82.858A"]
