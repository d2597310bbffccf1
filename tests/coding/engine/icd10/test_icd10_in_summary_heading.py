"""A report's closing "IN SUMMARY:" list is its impression, like SUMMARY or CONCLUSION: a
diagnosis stated there is coded even when the body only called the finding "consistent with"
it. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

BODY = (
    "EXAM: Transthoracic echocardiogram.\n"
    "INDICATION: Systolic murmur.\n"
    "INTERPRETATION: Normal left ventricular size and function. The aortic valve is calcified"
    " with a peak velocity of 3.2 m/s and a valve area of 1.2 sq cm, consistent with moderate"
    " aortic stenosis.\n"
)


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_in_summary_is_the_impression() -> None:
    note = BODY + "IN SUMMARY:\n1. Moderate aortic stenosis.\n2. Normal left ventricle.\n"
    assert "I35.0" in codes(note)


def test_consistent_with_alone_is_not_the_diagnosis() -> None:
    assert "I35.0" not in codes(BODY)


def test_murmur_is_the_sign_of_the_valve_disease_found() -> None:
    note = BODY + "IN SUMMARY:\n1. Moderate aortic stenosis.\n"
    assert "R01.1" not in codes(note)
    # an echo that finds no valve disease keeps the murmur that was its reason
    note = (
        "EXAM: Transthoracic echocardiogram.\nINDICATION: Systolic murmur.\n"
        "IN SUMMARY:\n1. Normal study; structurally normal valves.\n"
    )
    assert codes(note) == ["R01.1"]
