"""Diabetes a procedure note's history tells as "a history of diabetes" is the patient's
diabetes now (a chronic condition, as in a diagnosis list), coded beside the postoperative
diagnosis; with an osteomyelitis or a foot ulcer the index links them (Diabetes, with,
osteomyelitis E11.69; foot ulcer E11.621). A denied or a relative's diabetes is not coded.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_NOTE = """PREOPERATIVE DIAGNOSIS: {dx}
POSTOPERATIVE DIAGNOSIS: {dx}
PROCEDURE: {proc}
HISTORY: A 63-year-old man {story}
"""


def _codes(dx: str, proc: str, story: str) -> list[str]:
    note = _NOTE.format(dx=dx, proc=proc, story=story)
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_history_of_diabetes_with_osteomyelitis_is_the_combination() -> None:
    found = _codes(
        "Osteomyelitis of the left second toe.",
        "Amputation of the left second toe.",
        "with a history of diabetes whose toe wound has drained for two months.",
    )
    assert "E11.69" in found and "E11.9" not in found
    assert any(c.startswith("M86") for c in found)


def test_history_of_diabetes_with_a_heel_ulcer() -> None:
    found = _codes(
        "Ulcer of the right heel with fat layer exposed.",
        "Excisional debridement of the right heel ulcer.",
        "with a history of type 2 diabetes and a heel sore for six weeks.",
    )
    assert "E11.621" in found


def test_denied_or_family_diabetes_is_not_coded() -> None:
    for story in (
        "with no history of diabetes and a wound that will not heal.",
        "whose mother has a history of diabetes.",
    ):
        found = _codes(
            "Osteomyelitis of the left second toe.", "Amputation of the left second toe.", story
        )
        assert not any(c.startswith("E11") for c in found), (story, found)
