"""Shafts of the radius and the ulna broken together and written as one phrase ('midshaft
radius and ulna fracture', 'radius and ulna shaft fractures') are two codes: the radius shaft
(S52.3-) and the ulna shaft (S52.2-), same side and episode."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> set[str]:
    return {d["code"] for d in code_diagnoses(analyze(note))}


def op(diagnosis: str) -> str:
    return (
        f"PREOPERATIVE DIAGNOSIS: {diagnosis}\n"
        f"POSTOPERATIVE DIAGNOSIS: {diagnosis}\n"
        "PROCEDURE: Closed reduction and long arm cast.\n"
    )


def test_midshaft_radius_and_ulna_are_both_coded() -> None:
    found = codes(op("Closed fracture, left midshaft radius and ulna, angulated."))
    assert {"S52.302A", "S52.202A"} <= found


def test_open_shafts_keep_the_open_episode_for_both() -> None:
    found = codes(op("Open fracture, right mid-shaft radius and ulna, displaced."))
    assert {"S52.301B", "S52.201B"} <= found


def test_distal_radius_and_ulna_are_not_shafts() -> None:
    found = codes(op("Fracture of the right distal radius and ulna."))
    assert not any(c.startswith("S52.30") for c in found)
