"""A tremor of a named kind (dystonic, intention: G25.2; caused by a drug: G25.1) is not the
unspecified tremor sign R25.1; a pathologic or insufficiency fracture of a vertebra, told by
the word or by its level, is M84.48XA (M84.58XA when a cancer causes it), and a compression
fracture called pathologic is not a collapsed vertebra M48.5-. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_dystonic_and_intention_tremor() -> None:
    assert _codes("ASSESSMENT: Tremor, dystonic type.\n") == ["G25.2"]
    assert _codes("ASSESSMENT: Dystonic tremor of the head and neck.\n") == ["G25.2"]
    assert _codes("ASSESSMENT: Intention tremor of the right hand.\n") == ["G25.2"]


def test_drug_induced_tremor() -> None:
    assert _codes("ASSESSMENT: Lithium-induced tremor.\n") == ["G25.1"]


def test_plain_tremor_stays_a_sign() -> None:
    # trap: no kind named
    assert _codes("ASSESSMENT: Tremor of both hands.\n") == ["R25.1"]


def test_pathologic_fracture_of_a_vertebra_by_level() -> None:
    note = "POSTOPERATIVE DIAGNOSIS: Insufficiency fracture of T11 and T12.\n"
    assert _codes(note) == ["M84.48XA"]
    assert _codes("DIAGNOSIS: L2 pathologic compression fracture.\n") == ["M84.48XA"]


def test_vertebral_fracture_of_a_cancer() -> None:
    note = "DIAGNOSIS: Pathologic fracture of L3 from metastatic breast cancer.\n"
    assert _codes(note)[0] == "M84.58XA"


def test_plain_compression_fracture_stays_collapsed_vertebra() -> None:
    # trap: not called pathologic
    assert _codes("DIAGNOSIS: L1 compression fracture.\n") == ["M48.56XA"]
    # a hip named, not a vertebra
    assert _codes("DIAGNOSIS: Pathologic fracture of the right femoral neck.\n") == ["M84.451A"]
