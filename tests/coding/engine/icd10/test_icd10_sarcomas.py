"""Sarcomas by site (index: Sarcoma - see Neoplasm, connective tissue, malignant; osteosarcoma,
Ewing sarcoma and chondrosarcoma - see Neoplasm, bone, malignant; the orbit's soft tissue is
C69.6-), and a laryngeal part written as an adjective of the organ. Synthetic notes written
for these tests."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def op(dx: str) -> str:
    return (
        f"PREOPERATIVE DIAGNOSIS: {dx}\nPOSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Placement of a tunneled central venous port.\n"
    )


def test_soft_tissue_sarcoma_takes_its_site_and_side() -> None:
    assert icd(op("Rhabdomyosarcoma of the right orbit.")) == ["C69.61"]
    assert icd(op("Liposarcoma of the left thigh.")) == ["C49.22"]
    assert icd(op("Synovial sarcoma of the right forearm.")) == ["C49.11"]
    assert icd(op("Retroperitoneal leiomyosarcoma.")) == ["C48.0"]
    assert icd(op("Soft tissue sarcoma.")) == ["C49.9"]


def test_bone_sarcoma_is_a_bone_malignancy() -> None:
    assert icd(op("Ewing's sarcoma of the left femur.")) == ["C40.22"]
    assert icd(op("Osteosarcoma.")) == ["C41.9"]
    assert icd(op("Metastatic osteogenic sarcoma.")) == ["C79.9", "C41.9"]


def test_uterine_and_kaposi_sarcoma_keep_their_own_codes() -> None:
    assert icd(op("Leiomyosarcoma of the uterus.")) == ["C55"]
    assert icd(op("Kaposi's sarcoma of the skin.")) == ["C46.0"]


def test_past_sarcoma_is_a_personal_history() -> None:
    assert icd(op("History of chondrosarcoma of the skull, for cranioplasty.")) == ["Z85.830"]


def test_laryngeal_part_as_an_adjective() -> None:
    assert icd(op("Squamous cell carcinoma of the glottic larynx.")) == ["C32.0"]
    assert icd(op("Squamous cell carcinoma of the larynx.")) == ["C32.9"]
