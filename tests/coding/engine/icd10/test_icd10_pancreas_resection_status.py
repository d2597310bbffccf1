"""A pancreas removed earlier is its acquired-absence status: part Z90.411, whole Z90.410; a
Whipple pancreaticoduodenectomy also took the distal stomach (Z90.3) unless it was the
pylorus-preserving operation; a Whipple still to come is no status. Synthetic notes
written for these tests."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def icd(dx: str) -> list[str]:
    note = (
        f"POSTOPERATIVE DIAGNOSES:\n1. Gastroparesis.\n2. {dx}\n"
        "PROCEDURE: Esophagogastroduodenoscopy with biopsies.\n"
    )
    return [d["code"] for d in code_cpt(note)["diagnoses"]][1:]


def test_whipple_is_partial_pancreas_and_stomach() -> None:
    assert icd("Status post Whipple pancreaticoduodenectomy.") == ["Z90.411", "Z90.3"]
    assert icd("Status post pylorus-preserving Whipple.") == ["Z90.411"]


def test_pancreatectomy_partial_or_total() -> None:
    assert icd("History of distal pancreatectomy.") == ["Z90.411"]
    assert icd("Status post total pancreatectomy.") == ["Z90.410"]


def test_a_planned_whipple_is_no_status() -> None:
    assert icd("Pancreatic head mass, candidate for a Whipple procedure.") == ["K86.89"]
