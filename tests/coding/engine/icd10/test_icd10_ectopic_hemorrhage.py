"""An ectopic pregnancy that bleeds into the abdomen (hemoperitoneum, a litre of blood, brisk
active bleeding) has its complication coded O08.1 after the ectopic (categories O00-O02
take an O08 code for their complications), not hemoperitoneum K66.1; a small amount of
blood in the cul-de-sac adds nothing. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def icd(dx: str, findings: str) -> list[str]:
    note = (
        f"POSTOPERATIVE DIAGNOSES:\n{dx}\n"
        "PROCEDURE: Laparoscopic left salpingectomy.\n"
        f"FINDINGS: {findings}\n"
    )
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_hemoperitoneum_with_an_ectopic_is_o08_1() -> None:
    got = icd("1. Left tubal ectopic pregnancy.\n2. Hemoperitoneum.", "Ruptured left tube.")
    assert got == ["O00.102", "O08.1"]


def test_bleeding_told_in_the_findings() -> None:
    got = icd(
        "1. Ruptured left tubal ectopic pregnancy.",
        "Brisk active bleeding from the left tube with about a liter of blood in the pelvis.",
    )
    assert got == ["O00.102", "O08.1"]


def test_a_little_blood_is_no_hemorrhage() -> None:
    got = icd(
        "1. Left tubal ectopic pregnancy.",
        "Unruptured left ampullary ectopic; a small amount of blood in the cul-de-sac.",
    )
    assert got == ["O00.102"]


def test_a_small_hemoperitoneum_is_no_hemorrhage() -> None:
    got = icd(
        "1. Left tubal ectopic pregnancy.",
        "A distended left ampullary pregnancy with a small amount of hemoperitoneum.",
    )
    assert got == ["O00.102"]
