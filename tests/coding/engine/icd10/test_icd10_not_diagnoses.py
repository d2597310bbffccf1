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


def test_a_chief_complaint_that_runs_on_into_a_story_is_its_first_sentence() -> None:
    # a case write-up whose "HX:" heading the reader does not know: the CC section runs on
    note = (
        "CC: Headache.\n\n"
        "HX: This 52 y/o woman was well until three weeks ago when she developed a severe "
        "occipital headache while lifting boxes. She then noted nausea and several episodes of "
        "vomiting. Two days later her family found her confused, and she had an episode of "
        "urinary incontinence. A local ER obtained a head CT which showed a small hyperdense "
        "focus in the left frontal lobe. She was transferred here for further evaluation.\n\n"
        "EXAM: Alert and oriented. Neck supple.\n"
    )
    got = codes(note)
    assert "R51.9" in got
    assert not {"R11.0", "R11.10", "R11.2", "R32", "R41.0"} & set(got)


def test_a_history_told_as_the_chief_complaint_is_read_whole() -> None:
    note = (
        "CHIEF COMPLAINT: This 64-year-old man presents today with an elevated PSA of 9. "
        "Associated symptoms include nocturia and a slow urine stream. Onset was 6 months ago. "
        "He denies fever, chills and flank pain. He has had no prior prostate biopsy and no "
        "family history of prostate cancer. He would like to discuss his options today.\n\n"
        "PLAN: Prostate biopsy.\n"
    )
    assert "R35.1" in codes(note)
