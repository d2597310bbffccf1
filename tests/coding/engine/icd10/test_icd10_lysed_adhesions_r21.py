"""Adhesions lysed at an abdominal or pelvic operation are coded from the procedure list when
the diagnoses are silent (`procedure_conditions:` in guidelines.yaml): peritoneal adhesions
K66.0, or female pelvic peritoneal adhesions N73.6 when the listed lysis (else the narrative
that tells the adhesions) names the female pelvic organs - or the pelvis of a patient who is
a woman. Adhesions only seen, a chest, spinal or uterine-cavity lysis and a cesarean's are
not coded. Synthetic notes written for these tests."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine.coder import code_cpt


def icd(note: str, patient: Any = None) -> list[str]:
    return [d["code"] for d in code_cpt(note, patient=patient)["diagnoses"]]


def test_listed_lysis_is_peritoneal_adhesions() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Recurrent ventral hernia.\n"
        "POSTOPERATIVE DIAGNOSIS: Recurrent ventral hernia.\n"
        "PROCEDURES:\n1. Laparoscopic ventral hernia repair with mesh.\n"
        "2. Extensive lysis of adhesions.\n"
        "DESCRIPTION: Omentum stuck to the old incision was freed with scissors.\n"
    )
    assert icd(note) == ["K43.9", "K66.0"]


def test_adhesions_on_the_female_organs_are_pelvic() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right ovarian cyst.\n"
        "PROCEDURES:\n1. Laparoscopic right ovarian cystectomy.\n2. Lysis of adhesions.\n"
        "FINDINGS: Dense bands from the sigmoid to the left adnexa; adhesions of the "
        "right tube to the pelvic sidewall.\n"
        "DESCRIPTION: She tolerated the procedure well.\n"
    )
    codes = icd(note)
    assert "N73.6" in codes and "K66.0" not in codes


def test_pelvic_adhesions_need_a_woman() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Sigmoid diverticulitis.\n"
        "PROCEDURES:\n1. Sigmoid colectomy.\n2. Lysis of pelvic adhesions.\n"
    )
    # a man: his pelvic adhesions are peritoneal (N73.6 is a female code)
    assert "K66.0" in icd(note + "He was taken to recovery in good condition.\n")
    assert "K66.0" in icd(note, patient={"sex": "male", "age": 60})
    assert "N73.6" in icd(note + "She was taken to recovery in good condition.\n")
    assert "N73.6" in icd(note, patient={"sex": "female", "age": 60})


def test_adhesions_only_seen_are_not_coded() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Acute appendicitis.\n"
        "PROCEDURE: Laparoscopic appendectomy.\n"
        "FINDINGS: Some filmy adhesions near the cecum were left alone.\n"
    )
    assert not any(c.startswith(("K66", "N73")) for c in icd(note))


def test_lysis_outside_the_peritoneum_is_not_coded() -> None:
    chest = (
        "POSTOPERATIVE DIAGNOSIS: Empyema of the left chest.\n"
        "PROCEDURES:\n1. Left thoracoscopy.\n2. Lysis of adhesions.\n3. Decortication.\n"
    )
    uterine_cavity = (
        "POSTOPERATIVE DIAGNOSIS: Secondary infertility.\n"
        "PROCEDURE: Hysteroscopic lysis of intrauterine adhesions.\n"
    )
    cesarean = (
        "POSTOPERATIVE DIAGNOSIS: Pregnancy at 39 weeks, prior cesarean delivery.\n"
        "PROCEDURES:\n1. Repeat low transverse cesarean section.\n2. Lysis of adhesions.\n"
    )
    for note in (chest, uterine_cavity, cesarean):
        assert not any(c.startswith(("K66", "N73")) for c in icd(note)), note


def test_hemoperitoneum_is_not_adhesions() -> None:
    # another K66 code (blood in the peritoneum) does not stand for the adhesions lysed
    note = (
        "POSTOPERATIVE DIAGNOSIS: Hemoperitoneum from a bleeding liver laceration.\n"
        "PROCEDURES:\n1. Exploratory laparotomy.\n2. Lysis of adhesions.\n"
    )
    assert "K66.0" in icd(note)
