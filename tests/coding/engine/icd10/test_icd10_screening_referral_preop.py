"""A screening told as a referral in a narrative preoperative diagnosis is the reason.

"Referred for" makes the service planned, but in the section that gives the reason for the
procedure the screening it names is this encounter's reason (Z12.11 first-listed).
"""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def scope(preop: str) -> str:
    return (
        "PROCEDURE: Colonoscopy.\n"
        f"PREOPERATIVE DIAGNOSIS: {preop}\n"
        "POSTOPERATIVE DIAGNOSIS: Sigmoid diverticulosis.\n"
        "PROCEDURE IN DETAIL: The scope was passed to the cecum and withdrawn.\n"
    )


def test_referral_for_screening_in_a_narrative_preop_diagnosis() -> None:
    got = codes(
        scope("A 61-year-old man. He was referred for a screening colonoscopy. No bleeding.")
    )
    assert got == ["Z12.11", "K57.30"]


def test_a_referral_for_a_device_stays_planned() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: He was referred for pacemaker placement.\n"
        "POSTOPERATIVE DIAGNOSIS: Sick sinus syndrome.\n"
        "PROCEDURE: Dual chamber pacemaker implantation.\n"
    )
    assert "Z95.0" not in codes(note)
