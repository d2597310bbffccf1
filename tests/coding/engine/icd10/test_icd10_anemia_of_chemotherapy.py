"""An anemia the writer puts down to chemotherapy is D64.81 (index: Anemia, due to,
antineoplastic chemotherapy); put down to kidney disease and chemotherapy both, D63.1 and
D64.81. A neutropenia or pancytopenia so caused is D70.1 / D61.810, and each comes with the
antineoplastic drug's adverse effect T45.1X5A (guideline I.C.2.c.2). Chemotherapy merely
named near an anemia does not make it its cause. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_chemotherapy_induced_anemia() -> None:
    # with the adverse effect of the antineoplastic drug (guideline I.C.2.c.2)
    assert _codes("ASSESSMENT:\n1. Chemotherapy-induced anemia.\n2. Lung cancer.\n") == [
        "D64.81",
        "C34.90",
        "T45.1X5A",
    ]


def test_neutropenia_and_pancytopenia_of_chemotherapy() -> None:
    note = "ASSESSMENT:\n1. Pancytopenia secondary to chemotherapy.\n2. Acute myeloid leukemia.\n"
    assert _codes(note) == ["D61.810", "C92.00", "T45.1X5A"]
    note = "ASSESSMENT:\n1. Neutropenia due to chemotherapy.\n2. Breast cancer.\n"
    codes = _codes(note)
    assert codes[0] == "D70.1" and codes.count("T45.1X5A") == 1
    # trap: a neutropenia with no cause told is D70.9, and no adverse effect
    assert _codes("ASSESSMENT:\n1. Neutropenia.\n") == ["D70.9"]


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
