"""Notes that are not encounters, and reports that tell the study in their EXAM paragraph:
a teaching case summary bills no visit, a CT angiogram of the heart is read from its
technique, and an age written with a fraction is the whole years."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.note_type import note_type
from agentkit.coding.engine.text.attributes import patient_age

TEACHING_CASE = """CC: Numbness of both feet.

HX: A 30 y/o man noticed tingling of both feet over two days, without weakness or bladder
symptoms. He takes no medications.

EXAM: Mild loss of vibration sense in the toes, otherwise normal.

LAB: Blood count and thyroid tests were normal.

MRI L-SPINE: Normal.

COURSE: His symptoms had improved at a follow-up visit a month later.
"""

CORONARY_CTA = """CLINICAL HISTORY: Atypical chest pain.

EXAM: A 64-slice multidetector CT scanner was used from the carina to the diaphragm with
ECG gating after 80 mL of Omnipaque was injected as a bolus.

FINDINGS: Image quality is good with good bolus timing. The left main coronary artery is
normal. The left anterior descending artery has mild noncalcified plaque. The right
coronary artery is dominant and normal.

IMPRESSION: Mild nonobstructive coronary artery disease.
"""


def test_a_teaching_case_summary_is_no_visit_and_bills_its_headed_study() -> None:
    doc = analyze(TEACHING_CASE)
    assert note_type(doc) == "radiology"
    codes = [p["code"] for p in code_cpt(TEACHING_CASE)["procedures"]]
    assert codes == ["72148"]


def test_a_visit_note_with_a_chief_complaint_is_still_a_visit() -> None:
    note = TEACHING_CASE.replace("COURSE:", "ASSESSMENT AND PLAN:")
    assert note_type(analyze(note)) == "visit"


def test_the_exam_paragraph_of_a_report_documents_the_study() -> None:
    assert note_type(analyze(CORONARY_CTA)) == "radiology"
    codes = [p["code"] for p in code_cpt(CORONARY_CTA)["procedures"]]
    assert codes == ["75574"]


def test_an_age_with_a_fraction_is_the_whole_years() -> None:
    assert patient_age(analyze("The patient is a 14-1/2-year-old boy.")) == 14
    assert patient_age(analyze("A 2 1/2-year-old girl with ear pain.")) == 2
    assert patient_age(analyze("A 63-year-old man.")) == 63
