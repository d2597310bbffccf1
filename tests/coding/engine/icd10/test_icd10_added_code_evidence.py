"""A code a combination rule adds beside the diagnoses it fired on (the oral hypoglycemic
Z79.84 with diabetes, the stenosis T82.858A with a clotted graft) quotes the statement of
the diagnosis that made the rule fire, not whichever diagnosis happens to be listed first.
Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def evidence(note: str) -> dict[str, str]:
    return {d["code"]: d["evidence"] for d in code_cpt(note)["diagnoses"]}


def test_long_term_drug_quotes_the_diabetes() -> None:
    note = (
        "CHIEF COMPLAINT: Burning with urination.\n"
        "ASSESSMENT:\n1. Urinary tract infection.\n2. Type 2 diabetes mellitus.\n"
        "MEDICATIONS: Metformin 500 mg twice a day.\n"
        "PLAN: Nitrofurantoin for five days. Continue metformin.\n"
    )
    got = evidence(note)
    assert got["Z79.84"] == "Type 2 diabetes mellitus"
    assert got["N39.0"] == "Urinary tract infection"


def test_added_stenosis_quotes_the_graft() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSES:\n1. End-stage renal disease.\n"
        "2. Thrombosed left forearm arteriovenous graft.\n"
        "FINDINGS: Tight narrowing at the venous anastomosis.\n"
        "PROCEDURE: Thrombectomy of the graft with revision at the venous end.\n"
    )
    got = evidence(note)
    assert got["T82.858A"] == "Thrombosed left forearm arteriovenous graft"
