"""An echocardiogram report without an impression states its valve diagnoses under its
DOPPLER / M-MODE / COMMENTS headings; those are read then (guideline IV.K)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.text.sections import heading_table

_PARTS = """TRANSTHORACIC ECHOCARDIOGRAM

INDICATION: Shortness of breath.

M-MODE: Left ventricular internal dimension in diastole 5.0 cm. Left atrium 4.1 cm.

DOPPLER: There is moderate mitral regurgitation. Trivial pulmonic regurgitation.

COMMENTS: Moderate mitral regurgitation. Normal left ventricular systolic function.
"""


def _icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_the_heading_table_lists_the_result_parts_of_a_report() -> None:
    table = heading_table()
    assert table.states_report_findings("DOPPLER")
    assert table.states_report_findings("M-Mode")
    assert not table.states_report_findings("INDICATION")


def test_valve_findings_are_coded_when_the_report_has_no_impression() -> None:
    assert "I34.0" in _icd(_PARTS)


def test_an_impression_stays_the_only_diagnosis_source() -> None:
    note = _PARTS + "\nIMPRESSION: Normal left ventricular systolic function. Dyspnea.\n"
    assert "I34.0" not in _icd(note)
