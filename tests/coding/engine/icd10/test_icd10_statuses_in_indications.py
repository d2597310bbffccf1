"""Statuses a procedure note tells in its indication or preoperative diagnosis (guideline
I.C.21.c.3: a status is reported wherever documented): chronic dialysis, a past heart
transplant, oxygen and steroid dependence. Not the graft or device the operation itself places
("it was decided to perform ... bypass grafting" before a CABG), not a transplant the patient
is only waiting for (Z76.82, not Z94.-), and not a joint prosthesis beside the code of its own
complication (T84.- tells the prosthesis). Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_RELEASE = """PREOPERATIVE DIAGNOSIS: Right carpal tunnel syndrome.
POSTOPERATIVE DIAGNOSIS: Right carpal tunnel syndrome.
INDICATIONS: {story}
PROCEDURE: Right open carpal tunnel release.
"""


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_dialysis_and_a_past_transplant_told_in_the_indication() -> None:
    found = _codes(
        _RELEASE.format(
            story="He has end-stage renal disease treated with chronic hemodialysis, and "
            "prior cardiac transplantation in 2015."
        )
    )
    assert found[0] == "G56.01"
    assert "Z99.2" in found and "Z94.1" in found


def test_oxygen_and_steroid_dependence_told_together() -> None:
    found = _codes(_RELEASE.format(story="She has O2 and steroid-dependent emphysema."))
    assert "Z99.81" in found and "Z79.52" in found


def test_waiting_for_a_liver_is_not_having_one() -> None:
    found = _codes(_RELEASE.format(story="He has cirrhosis and is on the liver transplant list."))
    assert not any(c.startswith("Z94") for c in found)


def test_the_bypass_this_operation_does_is_no_status() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Three-vessel coronary artery disease.
POSTOPERATIVE DIAGNOSIS: Three-vessel coronary artery disease.
INDICATIONS: Catheterization showed severe disease of three vessels. The decision was made to
proceed with coronary artery bypass grafting.
PROCEDURE: Coronary artery bypass grafting x3.
"""
    assert "Z95.1" not in _codes(note)


def test_an_earlier_bypass_named_in_the_indication_is_a_status() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Unstable angina.
POSTOPERATIVE DIAGNOSIS: Unstable angina.
INDICATIONS: Recurrent chest pressure, coronary artery disease, prior bypass surgery.
PROCEDURE: Left heart catheterization with graft angiography.
"""
    assert "Z95.1" in _codes(note)


def test_a_loosened_knee_prosthesis_is_not_also_its_status() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Aseptic loosening of left total knee arthroplasty.
POSTOPERATIVE DIAGNOSIS: Aseptic loosening of left total knee arthroplasty.
INDICATIONS: She is status post left total knee replacement eight years ago.
PROCEDURE: Revision of left total knee arthroplasty.
"""
    found = _codes(note)
    assert any(c.startswith("T84.0") for c in found)
    assert not any(c.startswith("Z96.6") for c in found)
