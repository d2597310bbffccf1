"""Round 20 readers of setting and patient status: another encounter's progress note named in
a note, a consultant's own words, and meeting a patient for the first time."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit, visit_setting


def _level(note: str, status: str = "unknown") -> dict[str, Any]:
    found = level_visit(analyze(note), patient_status=status)
    assert found is not None
    return found


ANOTHER_RECORD = """REASON FOR REFERRAL: Episodes of shaking after a recent stay in the hospital.
PRESENTING PROBLEMS: For the background, see the inpatient hospital progress note in his
chart. His mother says the spells continue about five times a day.
IMPRESSION: Conversion disorder.
PLAN: Weekly sessions to teach relaxation skills.
"""


def test_a_progress_note_named_as_another_record_does_not_make_the_note_inpatient() -> None:
    assert visit_setting(analyze(ANOTHER_RECORD)) == "office"


def test_a_note_that_is_itself_a_progress_note_stays_in_the_hospital() -> None:
    own = ANOTHER_RECORD.replace(
        "For the background, see the inpatient hospital progress note in his\nchart.",
        "This is a progress note on hospital day 3.",
    )
    assert visit_setting(analyze(own)) in ("hospital", "subsequent")


CONSULT = """HISTORY OF PRESENT ILLNESS: A woman of 46 admitted with palpitations and near
fainting. She has had brief spells a few times a year for nine years.
EXAMINATION: Regular rhythm, no murmur. The EKG shows sinus rhythm at 70.
IMPRESSION/PLAN: Episodic palpitations, cause not yet found. An event recorder after discharge.
Metoprolol was offered for the symptoms and she prefers to wait.
Thank you for this consultation. Our team will see her daily while she is here.
"""


def test_a_consultants_own_words_make_the_note_a_consultation() -> None:
    found = _level(CONSULT)
    assert found["code"] == "99222"
    assert found["mdm"]["risk"] != "high"


def test_without_them_the_admitting_note_decides_the_admission() -> None:
    admitting = CONSULT.replace(
        "Thank you for this consultation. Our team will see her daily while she is here.",
        "Our team will see her daily while she is here.",
    )
    assert _level(admitting)["mdm"]["risk"] == "high"


LETTER = """Dear Dr. Smith,
I had the pleasure of meeting this lady to discuss weight loss surgery. I saw her in the
office last week. She has diabetes, hypertension and high cholesterol and weighs 242 pounds.
ASSESSMENT/PLAN: Morbid obesity with diabetes and hypertension. We will arrange nutrition and
psychology assessments before a gastric band is considered.
"""


def test_meeting_a_patient_is_a_first_encounter() -> None:
    assert _level(LETTER)["patient_status"] == "new"


def test_seeing_her_again_is_an_established_patient() -> None:
    again = LETTER.replace(
        "I had the pleasure of meeting this lady to discuss weight loss surgery. ", ""
    ).replace("I saw her in the\noffice last week.", "I saw her again in the office last week.")
    assert _level(again)["patient_status"] == "established"
