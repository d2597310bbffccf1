"""ICD-10-CM precision: parts of a note that state no diagnosis of this encounter - the data
of diagnostic tests under a 'DIAGNOSTIC ...' heading. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze, kind_of_heading
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_diagnostic_data_headings_are_test_results_not_diagnoses() -> None:
    for heading in (
        "DIAGNOSTIC DATA/LAB DATA",
        "DIAGNOSTIC STUDIES/LAB DATA",
        "DIAGNOSTIC/LABORATORY DATA",
        "DIAGNOSTICS",
        "DIAGNOSTIC TESTS",
        "LABORATORY AND DIAGNOSTIC DATA",
    ):
        assert kind_of_heading(heading) == "labs", heading
    assert kind_of_heading("DIAGNOSTIC IMPRESSION") == "assessment"
    assert kind_of_heading("DISCHARGE DIAGNOSES") == "diagnosis"


def test_lab_values_under_diagnostic_data_are_not_coded() -> None:
    note = (
        "HISTORY OF PRESENT ILLNESS: A 70-year-old man seen for an irregular heartbeat.\n\n"
        "DIAGNOSTIC DATA/LAB DATA: White blood cell count 9.1, hematocrit 40, platelet count "
        "180. EKG shows sinus bradycardia at times. Chest x-ray shows mild vascular "
        "congestion.\n\n"
        "IMPRESSION: Paroxysmal atrial fibrillation.\n"
    )
    assert codes(note) == ["I48.0"]
