"""What a note's history, risks and setting say is not a service: an OPERATIONS list in a
visit's history, the risks explained before a procedure, a dated past operation; a discharge
summary bills the discharge or the surgeon's operation, a hospital visit no lab test; an
x-ray report whose EXAM line names only the body part; an age said in words."""

from __future__ import annotations

from agentkit.coding.engine import analyze, assertion_of
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.note_type import note_type
from agentkit.coding.engine.text.attributes import patient_age


def _status(note: str, words: str) -> str:
    start = note.index(words)
    return assertion_of(analyze(note), start, start + len(words)).status


def _kind_at(note: str, words: str) -> str:
    doc = analyze(note)
    sent = doc.sentence_at(note.index(words))
    assert sent is not None
    return sent.section_kind


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_every_item_of_a_risk_list_is_a_possibility() -> None:
    note = (
        "The risks of surgery including bleeding, infection, deep venous thrombosis, "
        "pulmonary embolism and the need for a colostomy were explained to the patient."
    )
    assert _status(note, "colostomy") == "hypothetical"
    assert _status(note, "pulmonary embolism") == "hypothetical"
    listed = (
        "Risks including but not limited to bleeding, infection, and the need for a pacemaker "
        "upgrade were discussed."
    )
    assert _status(listed, "pacemaker upgrade") == "hypothetical"
    # a list cue stops at a clause boundary
    done = "The risks were explained; then a colonoscopy was performed."
    assert _status(done, "colonoscopy") == "present"


def test_a_dated_past_operation_is_history_and_a_recent_finding_is_not() -> None:
    dated = "FINDINGS: She underwent a transhiatal esophagectomy in November of 2003."
    assert _status(dated, "esophagectomy") == "historical"
    assert _status("He had a colonoscopy in 2019 that was normal.", "colonoscopy") == "historical"
    assert _status("The colon was resected in 2 places.", "resected") == "present"
    assert _status("She has a recently discovered mass of the breast.", "mass") == "present"
    assert _status("He recently underwent a colonoscopy.", "colonoscopy") == "historical"


def test_history_headings_of_a_visit() -> None:
    note = (
        "HISTORY OF PRESENT ILLNESS: Knee pain for a month.\n\n"
        "PAST MEDICAL HISTORY: Hypertension.\n\n"
        "OPERATIONS: Appendectomy and a laparoscopic cholecystectomy.\n\n"
        "MEDICATIONS: Lisinopril.\n\n"
        "CHRONIC/INACTIVE CONDITIONS: Gout.\n\n"
        "PREVIOUS OPERATIONS: Tonsillectomy.\n\n"
        "RECOMMENDATIONS: Physical therapy.\n\n"
        "COURSE IN THE ED: Given ketorolac.\n"
    )
    assert _kind_at(note, "Appendectomy") == "psh"
    assert _kind_at(note, "Gout") == "pmh"
    assert _kind_at(note, "Tonsillectomy") == "psh"
    assert _kind_at(note, "Physical therapy") == "plan"
    assert _kind_at(note, "Given ketorolac") == "disposition"
    assert "47562" not in _codes(note)


def test_operations_heading_of_an_operative_note_stays_the_procedure_list() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Symptomatic cholelithiasis.\n\n"
        "OPERATIONS: Laparoscopic cholecystectomy.\n\n"
        "ANESTHESIA: General.\n"
    )
    assert _kind_at(note, "Laparoscopic cholecystectomy") == "procedure"


XRAY = """EXAM: Left knee.

REASON FOR EXAM: Pain after a fall.

INTERPRETATION: Three views of the left knee show no fracture or dislocation. Joint spaces are
preserved.

IMPRESSION: Normal left knee.
"""


def test_a_report_whose_exam_line_names_only_the_body_part_is_radiology() -> None:
    assert note_type(analyze(XRAY)) == "radiology"
    lines = code_cpt(XRAY)["procedures"]
    assert [(p["code"], p["modifiers"]) for p in lines] == [("73562", ["LT"])]


DISCHARGE = """ADMISSION DIAGNOSIS: Pneumonia.

DISCHARGE DIAGNOSIS: Community-acquired pneumonia, improved.

HOSPITAL COURSE: The patient was treated with intravenous ceftriaxone and azithromycin and
improved. A urinalysis was negative. She was switched to oral antibiotics on day three.

DISCHARGE INSTRUCTIONS: Finish the antibiotic course. Follow up with her physician in a week.
"""

SURGEON_DISCHARGE = """ADMITTING DIAGNOSIS: Symptomatic uterine fibroids.

DISCHARGE DIAGNOSIS: Uterine leiomyomata.

PROCEDURES: Total abdominal hysterectomy.

HOSPITAL COURSE: She went to surgery on the day of admission and recovered without incident.
She was discharged on the third postoperative day.

DISCHARGE INSTRUCTIONS: No lifting. Follow up in my office in two weeks.
"""


DELIVERY_STAY = """DIAGNOSES: Intrauterine pregnancy at 39 weeks, delivered.

PROCEDURE: Spontaneous vaginal delivery of a viable female infant.

HOSPITAL COURSE: She was admitted in active labor and progressed to complete dilation. We
delivered a viable female infant over an intact perineum; the placenta delivered spontaneously.
She was discharged home on the second postpartum day.
"""


def test_a_discharge_summary_bills_the_discharge_not_the_listed_operation() -> None:
    codes = _codes(DISCHARGE)
    assert codes and codes[0] in ("99238", "99239")
    assert "81002" not in codes and len(codes) == 1
    # the hysterectomy is documented (and billed) on its own operative report
    assert _codes(SURGEON_DISCHARGE) == ["99238"]
    # a stay summary with no discharge heading that tells the delivery bills the delivery
    assert _codes(DELIVERY_STAY) == ["59409"]


def test_a_hospital_progress_note_bills_no_lab_test() -> None:
    note = (
        "SUBJECTIVE: He feels weak. He is on hospital day 3.\n\n"
        "LABORATORY DATA: White count 6.8. UA is negative for infection.\n\n"
        "ASSESSMENT AND PLAN:\n1. Fever of unknown origin. Continue intravenous antibiotics.\n"
        "2. Dehydration. Continue intravenous fluids.\n"
    )
    assert "81002" not in _codes(note)


def test_fetal_measurements_are_not_spirometry() -> None:
    note = (
        "FINDINGS: Single live intrauterine pregnancy. Fetal breathing movement was seen for "
        "30 seconds. Lung heart ratio is 0.45.\n\nIMPRESSION: Biophysical profile 8/8.\n"
    )
    assert "94010" not in _codes(note)


def test_an_age_said_in_words() -> None:
    assert patient_age(analyze("The toddler was brought in by his mother.")) == 2
    assert patient_age(analyze("The infant tolerated the procedure well.")) == 0
    assert patient_age(analyze("This pleasant child presents with ear pain.")) == 6
    assert patient_age(analyze("Childhood illnesses: none.")) is None
    assert patient_age(analyze("A 45-year-old man. The child was not present.")) == 45


def test_a_talk_about_an_operation_is_not_the_operation() -> None:
    note = "We had a long talk with her about laparoscopic gastric bypass and its outcomes."
    assert _status(note, "laparoscopic gastric bypass") == "hypothetical"
    taught = "She was given education about laparoscopic adjustable gastric banding."
    assert _status(taught, "laparoscopic adjustable gastric banding") == "hypothetical"
