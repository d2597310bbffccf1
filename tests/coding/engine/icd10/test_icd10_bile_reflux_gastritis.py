"""Bile (alkaline) reflux gastritis is a specified gastritis, K29.60 (K29.61 with bleeding),
not reflux disease of the esophagus K21.9 with gastritis unspecified. Synthetic notes
written for these tests."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def icd(dx: str) -> list[str]:
    note = f"POSTOPERATIVE DIAGNOSES:\n{dx}\nPROCEDURE: Esophagogastroduodenoscopy.\n"
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_bile_reflux_gastritis_is_k29_60() -> None:
    assert icd("1. Alkaline reflux gastritis.") == ["K29.60"]
    assert icd("1. Bile reflux gastropathy with bleeding.") == ["K29.61"]


def test_gerd_beside_it_keeps_its_own_code() -> None:
    assert icd("1. Gastroesophageal reflux disease.\n2. Bile reflux gastritis.") == [
        "K21.9",
        "K29.60",
    ]
