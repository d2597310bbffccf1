"""New or established: the note's own words first (a plan that books the next follow-up says
nothing about this visit; "new patient" outweighs a mention of someone else having seen the
patient before), then the caller's status, then the note's layout - a note that takes the whole
history (past medical, family or social history, review of systems) is a first encounter."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

_HISTORY = """PAST MEDICAL HISTORY: Hypertension.
FAMILY HISTORY: Father with colon cancer.
SOCIAL HISTORY: Does not smoke.
REVIEW OF SYSTEMS: Negative except as in the present illness.
PHYSICAL EXAMINATION: Abdomen soft, mild right upper quadrant tenderness.
"""

FULL_WORKUP = (
    """CHIEF COMPLAINT: Right upper quadrant pain.
HISTORY OF PRESENT ILLNESS: A 48-year-old woman with four months of pain after fatty meals.
An ultrasound last week showed gallstones.
"""
    + _HISTORY
    + """IMPRESSION: Symptomatic cholelithiasis.
PLAN: Laparoscopic cholecystectomy was discussed and she wishes to proceed.
"""
)

SHORT_RECHECK = """SUBJECTIVE: Blood pressure check. Doing well on lisinopril.
OBJECTIVE: Blood pressure 128/78.
ASSESSMENT: Essential hypertension, controlled.
PLAN: Continue lisinopril 10 mg daily.
"""

CONTINUING_CARE = (
    """CHIEF COMPLAINT: Chronic lymphocytic leukemia.
HISTORY OF PRESENT ILLNESS: A 71-year-old man whom I follow for chronic lymphocytic leukemia.
His counts have been stable.
"""
    + _HISTORY
    + """ASSESSMENT: Chronic lymphocytic leukemia, stable.
PLAN: Observation; repeat blood counts in three months.
"""
)

PLAN_BOOKS_FOLLOW_UP = """CHIEF COMPLAINT: Knee pain.
HISTORY OF PRESENT ILLNESS: A 60-year-old man referred for evaluation of left knee pain.
PHYSICAL EXAMINATION: Medial joint line tenderness.
ASSESSMENT: Osteoarthritis of the left knee.
PLAN: Naproxen 500 mg twice a day. Follow-up appointment in four weeks.
"""

STATED_NEW = """CHIEF COMPLAINT: Rash.
HISTORY OF PRESENT ILLNESS: New patient, a 30-year-old woman previously seen by another
dermatologist for eczema, now with an itchy rash on both hands.
ASSESSMENT: Hand dermatitis.
PLAN: Triamcinolone 0.1% cream twice a day.
"""


def _status(note: str, given: str = "unknown") -> str:
    out = level_visit(analyze(note), patient_status=given)
    assert out is not None
    return str(out["patient_status"])


def test_a_note_that_takes_the_whole_history_is_a_new_patient() -> None:
    out = level_visit(analyze(FULL_WORKUP))
    assert out is not None
    assert out["patient_status"] == "new"
    assert out["code"].startswith("9920")
    assert "not stated" in out["rationale"]


def test_a_short_recheck_stays_established() -> None:
    assert _status(SHORT_RECHECK) == "established"


def test_the_callers_status_outweighs_the_layout() -> None:
    assert _status(FULL_WORKUP, given="established") == "established"


def test_the_clinicians_own_continuing_care_is_established() -> None:
    assert _status(CONTINUING_CARE) == "established"


def test_a_follow_up_booked_in_the_plan_does_not_make_a_referral_established() -> None:
    assert _status(PLAN_BOOKS_FOLLOW_UP) == "new"


def test_new_patient_outweighs_a_past_visit_elsewhere() -> None:
    assert _status(STATED_NEW) == "new"


ANNUAL_PHYSICAL = (
    """CHIEF COMPLAINT: Annual physical.
HISTORY OF PRESENT ILLNESS: A 45-year-old woman here for her annual physical. No complaints.
"""
    + _HISTORY
    + """ASSESSMENT: Well adult examination.
PLAN: Screening mammogram. Lipid panel.
"""
)


def test_a_physical_takes_the_whole_history_of_an_established_patient_too() -> None:
    out = level_visit(analyze(ANNUAL_PHYSICAL))
    assert out is not None
    assert out["code"] == "99396"


PAST_TENSE_CONSULT = """HISTORY: A 15-year-old girl who was seen in consultation at the request of
Dr. Smith on 03/02/2024 regarding recurrent sore throats, four episodes this year.
PHYSICAL EXAMINATION: Tonsils 3+ and cryptic.
IMPRESSION: Chronic tonsillitis.
RECOMMENDATIONS: Tonsillectomy was discussed with the family.
"""

PLAN_REFERS_ELSEWHERE = """SUBJECTIVE: Knee still aches after the steroid injection.
OBJECTIVE: Mild effusion of the right knee.
ASSESSMENT: Osteoarthritis of the right knee.
PLAN: She is referred to physical therapy for evaluation and treatment.
"""


def test_a_consultation_told_in_the_past_tense_is_a_new_patient() -> None:
    out = level_visit(analyze(PAST_TENSE_CONSULT))
    assert out is not None
    assert out["patient_status"] == "new"
    assert "not stated" not in out["rationale"]


def test_a_referral_in_the_plan_is_about_the_next_service() -> None:
    assert _status(PLAN_REFERS_ELSEWHERE) == "established"


FIRST_TIME = """HISTORY OF PRESENT ILLNESS: A 34-year-old woman, well known to the neurology
service, referred to me for a first time evaluation of her seizures.
PHYSICAL EXAMINATION: Nonfocal.
IMPRESSION: Focal epilepsy.
PLAN: Increase levetiracetam to 750 mg twice a day.
"""

PLEASURE_LETTER = """HISTORY: We had the pleasure of seeing this boy today in our pediatric clinic
for knee swelling of two weeks.
PHYSICAL EXAMINATION: Small effusion of the left knee.
ASSESSMENT AND PLAN: Monoarthritis of the left knee. Naproxen 250 mg twice a day.
"""


def test_a_first_time_evaluation_is_a_new_patient() -> None:
    assert _status(FIRST_TIME) == "new"


def test_a_letter_about_seeing_the_patient_today_in_consultation_is_a_new_patient() -> None:
    assert _status(PLEASURE_LETTER) == "new"


def test_past_family_and_social_history_without_a_review_of_systems_is_a_first_encounter() -> None:
    no_ros = FULL_WORKUP.replace(
        "REVIEW OF SYSTEMS: Negative except as in the present illness.\n", ""
    )
    out = level_visit(analyze(no_ros))
    assert out is not None and out["patient_status"] == "new"
    only_social = no_ros.replace("FAMILY HISTORY: Father with colon cancer.\n", "")
    out = level_visit(analyze(only_social))
    assert out is not None and out["patient_status"] == "established"


def test_a_note_answering_a_referral_is_a_new_patient_visit() -> None:
    note = """REASON FOR REFERRAL: Palpitations.
HISTORY OF PRESENT ILLNESS: A 40-year-old woman with a month of fluttering in the chest.
PHYSICAL EXAMINATION: Regular rhythm. No murmur.
IMPRESSION: Palpitations.
RECOMMENDATIONS: Event monitor for 30 days.
"""
    out = level_visit(analyze(note))
    assert out is not None and out["patient_status"] == "new"
    assert out["code"].startswith("9920")
    self_referred = note.replace("REASON FOR REFERRAL: Palpitations.\n", "").replace(
        "with a month of", "presents today self-referred with a month of"
    )
    out = level_visit(analyze(self_referred))
    assert out is not None and out["patient_status"] == "new"


def test_the_wording_of_a_first_clinic_visit_or_a_consultation_is_a_new_patient() -> None:
    clinic_visit = """HISTORY OF PRESENT ILLNESS: This is the initial clinic visit for a 52-year-old
roofer with two weeks of left elbow pain after carrying shingles.
PHYSICAL EXAMINATION: Tender lateral epicondyle.
ASSESSMENT: Lateral epicondylitis of the left elbow.
PLAN: Counterforce brace and ibuprofen 400 mg as needed.
"""
    assert _status(clinic_visit) == "new"
    consultation = clinic_visit.replace(
        "This is the initial clinic visit for a 52-year-old\nroofer",
        "A 52-year-old roofer, here today for consultation,",
    )
    assert _status(consultation) == "new"
    # the plan's next visit is no wording about this one
    booked = clinic_visit.replace("This is the initial clinic visit for a", "A").replace(
        "as needed.", "as needed. First clinic visit with therapy next week."
    )
    assert _status(booked) == "established"


def test_a_patient_the_clinician_is_following_is_established() -> None:
    note = CONTINUING_CARE.replace("whom I follow for", "who I am following for")
    assert _status(note) == "established"


def test_presenting_for_an_evaluation_is_a_first_look_by_this_clinician() -> None:
    note = """HISTORY: A 61-year-old man who presented today for evaluation of a scaly patch on the
scalp that has grown over a year.
PHYSICAL EXAMINATION: A 1 cm keratotic plaque of the vertex.
ASSESSMENT: Actinic keratosis.
PLAN: Cryotherapy was offered; he will think it over.
"""
    assert _status(note) == "new"
    here_now = note.replace("who presented today for", "who is here now for an")
    assert _status(here_now) == "new"
    # a follow-up told beside it keeps the patient established
    again = note.replace("who presented today", "who returns for follow up and presented today")
    assert _status(again) == "established"


def test_a_note_that_compares_with_the_last_evaluation_is_established() -> None:
    note = FULL_WORKUP.replace(
        "An ultrasound last week showed gallstones.",
        "Since the last evaluation she has had an ultrasound showing gallstones.",
    )
    assert _status(note) == "established"
    earlier = FULL_WORKUP.replace(
        "An ultrasound last week showed gallstones.",
        "Her weight is down since the last time we saw her.",
    )
    assert _status(earlier) == "established"
