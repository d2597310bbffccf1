"""Round 20 readers of risk and data: a heading that lists the prescriptions written at the
visit, and serology results told in prose."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit


def _level(note: str, status: str = "unknown") -> dict[str, Any]:
    found = level_visit(analyze(note), patient_status=status)
    assert found is not None
    return found


PRESCRIBED = """CHIEF COMPLAINT: Racing heartbeat.
HISTORY: Spells of a fast heartbeat twice a week for a year; propranolol as needed has not
changed them.
IMPRESSION / DIAGNOSIS: Palpitations. Mitral valve prolapse.
TESTS ORDERED: Echocardiogram.
MEDICATION PRESCRIBED: Diltiazem 30-60 qid prn.
PLAN: Reassured. Return to the office in 8 weeks.
"""


def test_a_prescription_heading_with_a_drug_is_prescription_drug_management() -> None:
    assert _level(PRESCRIBED)["mdm"]["risk"] == "moderate"


def test_a_prescription_heading_that_says_none_prescribes_nothing() -> None:
    none = PRESCRIBED.replace("Diltiazem 30-60 qid prn.", "None.")
    assert _level(none)["mdm"]["risk"] != "moderate"


def test_a_prescription_heading_with_an_over_the_counter_drug_is_low_risk() -> None:
    otc = PRESCRIBED.replace("Diltiazem 30-60 qid prn.", "Tylenol as needed.")
    assert _level(otc)["mdm"]["risk"] == "low"


SEROLOGY = """CHIEF COMPLAINT: Needlestick follow-up.
HISTORY: A nurse stuck her finger with a used needle six months ago; the source patient
carries hepatitis C. She returns for her last check.
ASSESSMENT: Her liver function test was normal. Her hepatitis C came back negative, and her HIV
was negative as well.
IMPRESSION: Exposure to hepatitis C by needlestick.
PLAN: Released from follow-up. Counseled on protective gear.
"""


def test_serology_results_told_in_prose_are_tests_reviewed() -> None:
    assert _level(SEROLOGY)["mdm"]["data"] == "moderate"


def test_a_patients_hiv_status_is_no_test_reviewed() -> None:
    status = SEROLOGY.replace(
        "Her hepatitis C came back negative, and her HIV\nwas negative as well.",
        "She is HIV positive on treatment.",
    )
    assert _level(status)["mdm"]["data"] in ("minimal", "limited")
