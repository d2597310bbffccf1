"""Pelvic or abdominal pain is not routinely part of uterine fibroids, a simple ovarian cyst
or pelvic adhesions (guideline I.B.5 drops only the symptoms a diagnosis routinely shows):
listed beside them it stays coded; endometriosis, a torsion or an infection still explain
it. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def op(*dx: str) -> str:
    items = "".join(f"{i}. {d}\n" for i, d in enumerate(dx, 1))
    return (
        f"PREOPERATIVE DIAGNOSES:\n{items}POSTOPERATIVE DIAGNOSES:\n{items}"
        "PROCEDURE: Total abdominal hysterectomy.\n"
    )


def test_pelvic_pain_beside_fibroids_and_adhesions_is_kept() -> None:
    assert icd(op("Uterine fibroids.", "Pelvic pain.")) == ["D25.9", "R10.20"]
    assert icd(op("Pelvic adhesions.", "Pelvic pain.")) == ["N73.6", "R10.20"]


def test_pain_explained_by_endometriosis_or_torsion_is_not_coded() -> None:
    assert icd(op("Pelvic endometriosis.", "Pelvic pain.")) == ["N80.30"]
    assert "R10.20" not in icd(op("Uterine fibroids.", "Endometriosis.", "Pelvic pain."))
    assert "R10.20" not in icd(op("Torsion of the right ovary.", "Pelvic pain."))
