"""Where a visit took place: the emergency department's own record, hospital care (an admitting
history and physical or an inpatient consultation that tells the patient came through the ER),
or the office (also when the office note tells of a past admission)."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit, visit_setting

ADMITTING_HP = """CHIEF COMPLAINT: Fever and cough.
HISTORY OF PRESENT ILLNESS: A 70-year-old man presented to the emergency room with three days
of fever, productive cough and shortness of breath.
PHYSICAL EXAMINATION: Temperature 102.1. Crackles at the right base. Oxygen saturation 86%.
LABORATORY DATA: White count 18,000. Chest x-ray shows a right lower lobe infiltrate.
ASSESSMENT AND PLAN:
1. Right lower lobe pneumonia with hypoxemia. Begin intravenous ceftriaxone and azithromycin.
Oxygen by nasal cannula.
2. DVT prophylaxis with subcutaneous heparin.
"""

INPATIENT_CONSULT = """REASON FOR CONSULTATION: Atrial fibrillation.
HISTORY OF PRESENT ILLNESS: The patient was brought to the emergency room by ambulance after a
fall and was admitted with a hip fracture. Telemetry showed atrial fibrillation.
PHYSICAL EXAMINATION: Irregularly irregular rhythm. Lungs clear.
IMPRESSION: Atrial fibrillation with controlled ventricular rate.
RECOMMENDATIONS: Continue metoprolol 25 mg twice a day. Echocardiogram.
"""

ED_RECORD = """CHIEF COMPLAINT: Ankle injury.
HISTORY OF PRESENT ILLNESS: The patient presents to the emergency department after twisting
her right ankle.
PHYSICAL EXAMINATION: Swelling over the lateral malleolus.
ED COURSE: X-rays of the ankle were reviewed by me and show no fracture. An air splint was
applied.
DIAGNOSIS: Right ankle sprain.
PLAN: Ibuprofen as needed. Follow up with her doctor in one week.
"""

OFFICE_AFTER_ADMISSION = """REASON FOR VISIT: Follow-up of kidney disease.
HISTORY OF PRESENT ILLNESS: Since his last visit he was admitted to the hospital with pneumonia
and treated with antibiotics. He returns today feeling well.
PHYSICAL EXAMINATION: Blood pressure 132/80. Lungs clear.
ASSESSMENT:
1. Chronic kidney disease stage 3, stable.
2. Hypertension, controlled.
PLAN: Continue losartan 50 mg daily. See him again in three months.
"""


def test_admitting_history_and_physical_is_initial_hospital_care() -> None:
    doc = analyze(ADMITTING_HP)
    assert visit_setting(doc) == "hospital"
    level = level_visit(doc)
    assert level is not None and level["code"] in ("99222", "99223")
    assert level["mdm"]["risk"] == "high"  # the decision for admission


def test_inpatient_consultation_that_mentions_the_er_is_hospital_care() -> None:
    doc = analyze(INPATIENT_CONSULT)
    assert visit_setting(doc) == "hospital"
    level = level_visit(doc)
    assert level is not None and level["code"].startswith("9922")
    assert level["mdm"]["risk"] != "high"  # a consultant does not decide the admission


def test_emergency_department_record() -> None:
    doc = analyze(ED_RECORD)
    assert visit_setting(doc) == "emergency"
    level = level_visit(doc)
    assert level is not None and level["code"].startswith("9928")


def test_office_note_telling_of_a_past_admission_stays_office() -> None:
    doc = analyze(OFFICE_AFTER_ADMISSION)
    assert visit_setting(doc) == "office"
    level = level_visit(doc)
    assert level is not None and level["code"] == "99214"


SORE_THROAT_WORKUP = """SUBJECTIVE: Mother brings him in today with sore throat and congestion.
OBJECTIVE: Pharynx mildly red. Lungs clear.
LABORATORY: Rapid strep screen is negative. Throat culture is negative.
RADIOLOGY: Single view of the sinuses is negative.
ASSESSMENT: Upper respiratory infection.
PLAN: I gave him samples of a decongestant. Fluids and rest.
"""

POISON_CONTROL = """CHIEF COMPLAINT: Possible ingestion.
HISTORY OF PRESENT ILLNESS: A 2-year-old was found with an open bottle of dish detergent.
EMERGENCY DEPARTMENT COURSE: I discussed the case with Poison Control, who advised observation.
IMPRESSION: Possible detergent ingestion, asymptomatic.
PLAN: Discharged home with the parents.
"""


def test_three_distinct_tests_and_drug_samples_make_a_moderate_visit() -> None:
    level = level_visit(analyze(SORE_THROAT_WORKUP))
    assert level is not None
    assert level["mdm"]["data"] == "moderate"  # strep screen, throat culture, sinus film
    assert level["mdm"]["risk"] == "moderate"  # prescription samples
    assert level["code"] == "99214"


def test_discussion_with_poison_control_is_data() -> None:
    level = level_visit(analyze(POISON_CONTROL))
    assert level is not None and level["code"].startswith("9928")
    assert level["mdm"]["data"] == "moderate"


PROGRESS_NOTE = """SUBJECTIVE: The patient is admitted for pneumonia. She had no events
overnight and feels less short of breath this morning.
OBJECTIVE: Temperature 98.9. Crackles at the right base, improved.
ASSESSMENT: Right lower lobe pneumonia, improving.
PLAN: Continue intravenous ceftriaxone 1 g daily. Switch to oral antibiotics tomorrow if afebrile.
"""


def test_daily_progress_note_is_subsequent_hospital_care() -> None:
    doc = analyze(PROGRESS_NOTE)
    assert visit_setting(doc) == "subsequent"
    level = level_visit(doc)
    assert level is not None and level["code"] in ("99231", "99232", "99233")
    assert level["mdm"]["risk"] != "high"  # no admission decision in a progress note


INPATIENT_CONSULT_NO_ER = """REASON FOR CONSULTATION: New heart murmur.
HISTORY OF PRESENT ILLNESS: A 79-year-old woman admitted with obstructive jaundice was found to
have a new systolic murmur and positive blood cultures.
PHYSICAL EXAMINATION: Grade 3/6 systolic murmur at the apex.
IMPRESSION: Bacteremia with a new murmur, rule out endocarditis.
RECOMMENDATIONS: Transesophageal echocardiogram. Continue vancomycin.
"""

TRANSFERRED_INFANT = """CHIEF COMPLAINT: Transferred from Lakeside Memorial Hospital, fever.
HISTORY: A 2-week-old boy with two days of poor feeding and a temperature of 38.5.
PHYSICAL EXAMINATION: Mottled, capillary refill 3 seconds.
ASSESSMENT: Fever in a neonate, rule out sepsis.
PLAN: Blood, urine and spinal fluid cultures. Ampicillin and gentamicin.
"""


def test_an_inpatient_consultation_told_by_admitted_with_is_hospital_care() -> None:
    assert visit_setting(analyze(INPATIENT_CONSULT_NO_ER)) == "hospital"


def test_a_transfer_from_another_hospital_is_hospital_care() -> None:
    assert visit_setting(analyze(TRANSFERRED_INFANT)) == "hospital"


ED_BY_HOSPITAL_NAME = """CHIEF COMPLAINT: This 6-year-old girl presents to Riverside
Children's Hospital Emergency Department with wheezing.
PHYSICAL EXAMINATION: Diffuse expiratory wheezes, oxygen saturation 93%.
ASSESSMENT: Acute asthma exacerbation.
PLAN: Albuterol nebulizer treatments and oral prednisolone. Discharged home with her mother.
"""


def test_an_emergency_department_named_after_its_hospital_is_an_ed_visit() -> None:
    assert visit_setting(analyze(ED_BY_HOSPITAL_NAME)) == "emergency"


CONSULTED_INPATIENT = """REASON FOR CONSULTATION: Worsening kidney function.
HISTORY OF PRESENT ILLNESS: A 66-year-old man with diabetes and heart failure. Nephrology is
consulted regarding a creatinine that rose from 1.4 to 3.2 over two days.
PAST MEDICAL HISTORY: Diabetes mellitus type 2. Congestive heart failure.
PHYSICAL EXAMINATION: Bibasilar crackles, 2+ leg edema.
IMPRESSION: Acute kidney injury on chronic kidney disease, likely cardiorenal.
RECOMMENDATIONS: Hold lisinopril. Renal ultrasound. Daily weights, strict intake and output.
"""

HOSPITALIZED_IN_PLAN = """HISTORY OF PRESENT ILLNESS: A 52-year-old woman with three days of fever,
throat pain and inability to swallow her saliva.
PHYSICAL EXAMINATION: Temperature 102.8. Large exudative tonsils, uvula midline.
IMPRESSION: Severe exudative tonsillitis with dehydration.
PLAN: She will be hospitalized and placed on IV clindamycin and IV fluids.
"""


def test_a_specialist_consulted_about_an_inpatient_is_hospital_care() -> None:
    assert visit_setting(analyze(CONSULTED_INPATIENT)) == "hospital"


def test_a_plan_to_hospitalize_is_hospital_care() -> None:
    assert visit_setting(analyze(HOSPITALIZED_IN_PLAN)) == "hospital"
    out = level_visit(analyze(HOSPITALIZED_IN_PLAN))
    assert out is not None
    # an acute illness with systemic symptoms that needs hospital care, and the decision to
    # hospitalize: high MDM, initial hospital care 99223
    assert out["code"] == "99223"
    assert out["mdm"]["problems"] == "high"


ADMISSION_HP_AFTER_SURGERY = """CHIEF COMPLAINT: Left leg swelling.
HISTORY OF PRESENT ILLNESS: A 61-year-old woman who is postop day 21 of a laparotomy for ovarian
cancer, with three days of left calf swelling. Duplex shows a left femoral vein thrombosis.
PAST MEDICAL HISTORY: Ovarian cancer. Hypertension.
FAMILY HISTORY: Noncontributory.
SOCIAL HISTORY: Does not smoke.
PHYSICAL EXAMINATION: Swollen, tender left calf.
ASSESSMENT: Left femoral deep vein thrombosis.
PLAN: Admit. Enoxaparin 1 mg/kg every 12 hours, start warfarin.
"""

READMISSION_SOAP = """SUBJECTIVE: Discharged two days ago, she returned with a temperature of 102.
OBJECTIVE: Temperature 101.8. Alert. Lungs clear.
ASSESSMENT: Fever of unclear source.
PLAN: My plan is to readmit the patient, repeat blood cultures and observe her overnight.
"""


def test_an_admission_history_and_physical_after_surgery_is_initial_care() -> None:
    # "postop day 21" tells the course before this admission, whose H&P takes the whole history
    assert visit_setting(analyze(ADMISSION_HP_AFTER_SURGERY)) == "hospital"


def test_a_soap_note_that_decides_a_readmission_is_initial_care() -> None:
    assert visit_setting(analyze(READMISSION_SOAP)) == "hospital"


ED_HANDOFF = """HISTORY OF PRESENT ILLNESS: An 80-year-old woman found on the floor by her daughter,
confused. She arrived by ambulance.
PHYSICAL EXAMINATION: Lethargic, oriented to name only. Bruise over the right forehead.
LABORATORY DATA: CBC, chemistry and urinalysis unremarkable. CT of the head shows no bleed.
ASSESSMENT: Altered mental status after a fall.
PLAN: The case was discussed with Dr. Jones, who will admit the patient for further evaluation.
"""


def test_an_emergency_physician_handing_over_the_admission_is_an_ed_visit() -> None:
    doc = analyze(ED_HANDOFF)
    assert visit_setting(doc) == "emergency"
    out = level_visit(doc)
    assert out is not None
    # an abrupt change in mental status is a threat to bodily function; admission decided
    assert out["mdm"]["problems"] == "high"
    assert out["code"] == "99285"


CONSULT_ADMITTED_NOW = """REASON FOR CONSULTATION: Worsening headaches.
HISTORY: A 66-year-old woman with a known brain tumor. At this time she has been admitted for
worsening headaches and new left arm weakness. She is sitting up in bed.
PHYSICAL EXAMINATION: Mild left arm weakness. Otherwise nonfocal.
IMPRESSION AND PLAN: Brain tumor with progression. Increase dexamethasone to 4 mg four times a
day. We will follow her as an outpatient once she leaves.
"""

OFFICE_AFTER_ED_TRIP = """CHIEF COMPLAINT: Hematuria.
HISTORY OF PRESENT ILLNESS: A 58-year-old man who presented to the emergency room in another town
last month with blood in the urine. He presents today for urologic evaluation.
PHYSICAL EXAMINATION: Abdomen soft. No flank tenderness.
IMPRESSION: Gross hematuria.
PLAN: CT urogram and cystoscopy.
"""

ED_WITHOUT_ED_HEADINGS = """HISTORY OF PRESENT ILLNESS: A 35-year-old woman with vomiting since
last night.
Nursing notes were reviewed and I agree with them.
PHYSICAL EXAMINATION: She is lying on the stretcher and looks mildly ill. Abdomen soft.
ASSESSMENT: Gastroenteritis with mild dehydration.
PLAN: Ondansetron 4 mg. Oral fluids. Return if worse.
"""


def test_a_consultation_telling_the_current_admission_is_hospital_care() -> None:
    # a plain HISTORY heading tells the present illness; "as an outpatient" is the care after
    assert visit_setting(analyze(CONSULT_ADMITTED_NOW)) == "hospital"


def test_an_earlier_emergency_room_trip_does_not_make_an_office_visit_an_ed_one() -> None:
    assert visit_setting(analyze(OFFICE_AFTER_ED_TRIP)) == "office"


def test_the_emergency_physicians_own_record_without_an_ed_heading() -> None:
    assert visit_setting(analyze(ED_WITHOUT_ED_HEADINGS)) == "emergency"


PSYCHIATRIC_ADMISSION_HP = """IDENTIFYING DATA: A 35-year-old man seen today for an involuntary
admission after he stopped his medicines and became agitated.
PAST MEDICAL HISTORY: Asthma.
PHYSICAL EXAMINATION: Comfortable in bed. Lungs clear. Heart regular.
ASSESSMENT: Asthma, stable. Continue albuterol as needed.
"""


def test_a_psychiatric_admission_history_and_physical_is_hospital_care() -> None:
    assert visit_setting(analyze(PSYCHIATRIC_ADMISSION_HP)) == "hospital"


SENT_HOME_FROM_VISIT = """CHIEF COMPLAINT: Wrist injury.
HISTORY OF PRESENT ILLNESS: A 15-year-old girl fell off her skateboard an hour ago and landed
on the left hand.
PHYSICAL EXAMINATION: Tender distal radius, no deformity.
ASSESSMENT: Sprain of the left wrist.
DISPOSITION: A splint was applied. She will be discharged home to see her pediatrician.
"""

CONSULT_DAY_AFTER_ER = """REASON FOR CONSULTATION: Weakness of the right arm.
HISTORY OF PRESENT ILLNESS: A 79-year-old man came to the emergency room last night with an hour
of weakness of the right arm, now resolved.
PHYSICAL EXAMINATION: Strength is full. Speech is fluent.
IMPRESSION: Transient ischemic attack.
RECOMMENDATIONS: Carotid duplex. Aspirin 81 mg daily.
"""

CONSULT_SINCE_ADMITTED = """REASON FOR CONSULTATION: Swelling of the scrotum.
HISTORY OF PRESENT ILLNESS: A 4-year-old boy with fever and scrotal swelling. Since being
hospitalized he has received cefazolin and the fever has come down.
PHYSICAL EXAMINATION: Mild scrotal erythema, testes descended and not tender.
IMPRESSION: Scrotal cellulitis, improving.
RECOMMENDATIONS: Continue the antibiotic.
"""


def test_a_visit_whose_patient_is_discharged_home_is_the_emergency_departments() -> None:
    assert visit_setting(analyze(SENT_HOME_FROM_VISIT)) == "emergency"
    # an office plan is no emergency record, and a hospital patient sent home is hospital care
    maybe = SENT_HOME_FROM_VISIT.replace("She will be discharged home", "She may go home")
    assert visit_setting(analyze(maybe)) == "office"
    progress = SENT_HOME_FROM_VISIT.replace("an hour ago", "yesterday and was admitted with pain")
    assert visit_setting(analyze(progress)) != "emergency"


def test_a_consultation_the_day_after_the_er_or_during_the_stay_is_hospital_care() -> None:
    assert visit_setting(analyze(CONSULT_DAY_AFTER_ER)) == "hospital"
    assert visit_setting(analyze(CONSULT_SINCE_ADMITTED)) == "hospital"


ED_DECISION_MAKING = """CHIEF COMPLAINT: Abdominal pain.
HISTORY OF PRESENT ILLNESS: A 62-year-old man with six hours of crampy abdominal pain and
vomiting; no stool or gas since the morning.
PHYSICAL EXAMINATION: Distended, tympanitic abdomen. High-pitched bowel sounds.
MEDICAL DECISION MAKING: Plain films show dilated small bowel loops. Likely small bowel
obstruction; he should be admitted to observation with a nasogastric tube.
ASSESSMENT: Small bowel obstruction.
"""


def test_a_medical_decision_making_section_is_the_emergency_physicians_record() -> None:
    # the ER physician deciding an observation stay is still the emergency visit
    assert visit_setting(analyze(ED_DECISION_MAKING)) == "emergency"
    office = ED_DECISION_MAKING.replace("MEDICAL DECISION MAKING:", "DISCUSSION:")
    assert visit_setting(analyze(office)) != "emergency"


def test_the_emergency_care_laws_terms_tell_the_emergency_department() -> None:
    note = """CHIEF COMPLAINT: Sore throat.
HISTORY OF PRESENT ILLNESS: A 22-year-old woman with two days of sore throat and no fever.
PHYSICAL EXAMINATION: Mild pharyngeal erythema, no exudate.
ASSESSMENT: Viral pharyngitis. A medical screening examination was done and no emergency
medical condition exists.
PLAN: Salt-water gargles and acetaminophen as needed.
"""
    assert visit_setting(analyze(note)) == "emergency"
