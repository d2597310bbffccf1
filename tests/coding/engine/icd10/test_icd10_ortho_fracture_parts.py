"""Orthopedic diagnoses by their part: a Hawkins or neck fracture of the talus is the talar
neck (S92.11-), the dome and body have their own codes; a medial epicondyle caught in the
elbow is the incarcerated fracture (S42.44-, 7 and 8); a patellar tendon rupture written with
the retinaculum is still the patellar tendon (S76.11-); an infected shoulder, elbow or ankle
prosthesis is T84.59-. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def dx(statement: str) -> list[str]:
    return codes(f"POSTOPERATIVE DIAGNOSIS: {statement}\n")


def test_talus_fracture_by_part() -> None:
    assert dx("Hawkins III fracture of the right talus.") == ["S92.111A"]
    assert dx("Left talar neck fracture.") == ["S92.112A"]
    assert dx("Fracture of the talar dome, left.") == ["S92.142A"]
    assert dx("Right talus fracture.") == ["S92.101A"]


def test_incarcerated_medial_epicondyle() -> None:
    got = codes(
        "POSTOPERATIVE DIAGNOSIS: Right elbow dislocation with incarceration of the medial "
        "epicondyle, and a left wrist sprain.\n"
    )
    assert "S42.447A" in got and "S42.448A" not in got
    assert dx("Left medial epicondyle fracture.") == ["S42.442A"]


def test_patellar_tendon_with_retinaculum() -> None:
    got = dx("Patellar tendon and retinacular ruptures, left knee.")
    assert got == ["S76.112A"]


def test_infected_shoulder_prosthesis() -> None:
    assert dx("Infected right total shoulder arthroplasty.") == ["T84.59XA"]
    assert dx("Infected left total knee arthroplasty.") == ["T84.54XA"]
