"""A visit note typed as a procedure or report for one heading (a PROCEDURE NOTE in an ED visit,
a PROCEDURES list in a consultation template) is billed as the visit when no procedure was
found in it; a plain HISTORY heading with an assessment is a clinic note."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.note_type import headed_visit, note_type, unheaded_visit

CONSULT_TEMPLATE = """REASON FOR VISIT: I have been asked to see this 58-year-old woman by her
internist for shortness of breath on exertion.
HISTORY OF PRESENT ILLNESS: Over three months she has had increasing breathlessness climbing
stairs and swelling of both ankles. No chest pain.
MEDICATIONS: Lisinopril 10 mg daily.
DATA: Echocardiogram reviewed: ejection fraction 30 percent.
ASSESSMENT: Heart failure with reduced ejection fraction.
PROCEDURES AND IMMUNIZATIONS: None.
PLANS: Start carvedilol 3.125 mg twice daily and furosemide 20 mg daily. Return in two weeks.
"""

CLINIC_HISTORY = """HISTORY: This 44-year-old man comes in today with itchy eyes and a runny
nose every spring for five years. Antihistamines help a little.
IMPRESSION: Seasonal allergic rhinitis.
PLAN: Start fluticasone nasal spray daily. Follow up in six weeks.
"""

INJECTION_NOTE = """HISTORY OF PRESENT ILLNESS: Right knee pain from osteoarthritis.
PROCEDURE NOTE: After sterile preparation the right knee joint was injected with 40 mg of
triamcinolone and 4 mL of lidocaine through a lateral approach. No complications.
ASSESSMENT: Osteoarthritis of the right knee.
PLAN: Ice tonight. Return in three months.
"""


def test_a_consultation_with_a_procedures_heading_is_billed_as_a_visit() -> None:
    doc = analyze(CONSULT_TEMPLATE)
    assert note_type(doc) == "procedure" and headed_visit(doc)
    codes = [p["code"] for p in code_cpt(CONSULT_TEMPLATE)["procedures"]]
    # asked to see the patient by another physician: a consultation, new-patient codes
    assert len(codes) == 1 and codes[0].startswith("9920")


def test_a_history_heading_with_an_impression_is_a_clinic_visit() -> None:
    assert note_type(analyze(CLINIC_HISTORY)) == "visit"
    codes = [p["code"] for p in code_cpt(CLINIC_HISTORY)["procedures"]]
    assert len(codes) == 1 and codes[0].startswith("992")


def test_a_procedure_note_whose_procedure_is_coded_stays_the_procedure() -> None:
    codes = [p["code"] for p in code_cpt(INJECTION_NOTE)["procedures"]]
    assert "20610" in codes
    assert not any(c.startswith("992") for c in codes)


ED_DENTAL = """CHIEF COMPLAINT: Toothache.
HISTORY OF PRESENT ILLNESS: A 39-year-old man with throbbing pain of a lower left molar since
yesterday. No fever, no swelling of the face.
PHYSICAL EXAMINATION: Tender carious lower left second molar; no fluctuance.
ASSESSMENT: Dental caries with pulpitis.
PLAN: Amoxicillin 500 mg three times a day for seven days and ibuprofen as needed. He was
discharged in good condition from the emergency department with dental follow-up tomorrow.
"""


def test_discharged_in_good_condition_from_the_ed_tells_an_ed_record() -> None:
    codes = [p["code"] for p in code_cpt(ED_DENTAL)["procedures"]]
    assert len(codes) == 1 and codes[0].startswith("9928")


INPATIENT_SERVICE_NOTE = """The Palliative Care Service was asked to see Mr. B, a 70-year-old man
with metastatic pancreatic cancer and uncontrolled abdominal pain. He is currently on a
hydromorphone PCA with frequent demands. We recommend adding a fentanyl patch 25 mcg every
72 hours and continuing the PCA, and we will follow daily.
"""


def test_an_inpatient_service_note_without_headings_is_initial_hospital_care() -> None:
    doc = analyze(INPATIENT_SERVICE_NOTE)
    assert note_type(doc) == "other" and unheaded_visit(doc)
    codes = [p["code"] for p in code_cpt(INPATIENT_SERVICE_NOTE)["procedures"]]
    assert len(codes) == 1 and codes[0] in ("99221", "99222", "99223")


THANK_YOU_LETTER = """Dear Dr. Grant,
Thank you very much for your kind referral of Mr. Diaz, seen today for chronic cough. He has
coughed for three months since a cold, worse at night, without fever or weight loss. His chest
is clear. I believe this is cough-variant asthma and started an inhaled corticosteroid twice
daily with albuterol as needed. I will see him again in six weeks.
"""


def test_a_letter_thanking_for_the_referral_with_words_between_is_a_visit() -> None:
    assert unheaded_visit(analyze(THANK_YOU_LETTER))
    codes = [p["code"] for p in code_cpt(THANK_YOU_LETTER)["procedures"]]
    assert len(codes) == 1 and codes[0].startswith("9920")
