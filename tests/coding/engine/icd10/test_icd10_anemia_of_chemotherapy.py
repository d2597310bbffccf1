"""An anemia the writer puts down to chemotherapy is D64.81 (index: Anemia, due to,
antineoplastic chemotherapy); put down to kidney disease and chemotherapy both, D63.1 and
D64.81. Chemotherapy merely named near an anemia does not make it its cause. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_chemotherapy_induced_anemia() -> None:
    assert _codes("ASSESSMENT:\n1. Chemotherapy-induced anemia.\n2. Lung cancer.\n") == [
        "D64.81",
        "C34.90",
    ]


def test_anemia_of_kidney_disease_and_chemotherapy() -> None:
    note = "ASSESSMENT:\n1. Anemia due to chronic kidney disease and chemotherapy.\n"
    codes = _codes(note)
    assert "D63.1" in codes and "D64.81" in codes


def test_chemotherapy_named_apart_is_not_the_cause() -> None:
    # traps: the chemotherapy is the plan or another diagnosis, not the anemia's cause
    assert _codes("ASSESSMENT:\n1. Anemia. Check a CBC before the next chemotherapy.\n") == [
        "D64.9"
    ]
    note = "ASSESSMENT:\n1. Anemia of chronic kidney disease.\n2. Lung cancer, on chemotherapy.\n"
    assert "D64.81" not in _codes(note)
