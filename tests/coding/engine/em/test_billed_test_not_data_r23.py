"""A test the same claim reports with its own code (an office x-ray, an EKG read at the visit)
is not also counted in the visit's data element (AMA: the ordering and interpretation of a test
reported separately do not count toward the E/M level); tests only reviewed still count."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_KNEE = """CHIEF COMPLAINT: Worsening right knee pain.
HISTORY OF PRESENT ILLNESS: A 67-year-old established patient with known osteoarthritis of the
right knee returns with pain getting worse over two months despite acetaminophen, now limiting
walking to one block.
PHYSICAL EXAMINATION: Small effusion of the right knee, crepitus, motion 5 to 110 degrees.
DIAGNOSTIC DATA: {films} I reviewed her CBC and basic metabolic panel from last week, both
normal.
ASSESSMENT: Progressive primary osteoarthritis of the right knee.
PLAN: Continue acetaminophen, start a home exercise program, use a cane. Return in six weeks.
"""

_AF = """S: Mrs. Doe is here to follow up her atrial fibrillation. She ran out of her diltiazem a
few days ago and her pulse has been a little higher at home. No chest pain or shortness of breath.
O: Blood pressure 128/76. Heart irregularly irregular, mildly fast. Lungs clear. No edema.
EKG shows atrial fibrillation with a ventricular rate of 102.
A: Atrial fibrillation.
P: Restart diltiazem 120 mg daily. Continue warfarin, INR next week. Return in one month.
"""


def _lines(note: str) -> list[str]:
    return [
        p["code"] + "".join(f"-{m}" for m in p["modifiers"]) for p in code_cpt(note)["procedures"]
    ]


def test_office_films_billed_are_not_also_data() -> None:
    films = "X-rays of the right knee taken in the office today, three views, show severe medial"
    films += " joint space narrowing with osteophytes."
    # two reviewed labs are limited data: a chronic illness worsening with low risk is 99213
    assert _lines(_KNEE.format(films=films)) == ["99213", "73562-RT"]


def test_outside_films_only_reviewed_still_count() -> None:
    # trap: films from elsewhere are not billed here, so reviewing them is a third test
    films = "X-rays of the right knee from the hospital last week show severe medial joint space"
    films += " narrowing."
    assert _lines(_KNEE.format(films=films)) == ["99214"]


def test_an_ekg_read_and_billed_is_not_an_independent_interpretation() -> None:
    # the tracing read at the visit is 93000; its reading is not the data element's
    # interpretation, so a stable chronic illness with drug management is 99213
    assert _lines(_AF) == ["99213", "93000"]


def test_a_rapid_rate_is_an_arrhythmia_not_at_goal() -> None:
    # the assessment tells the rate out of control: a chronic illness not at goal (moderate)
    # with a drug restarted is 99214 by problems and risk, whatever the data
    note = _AF.replace("A: Atrial fibrillation.", "A: Atrial fibrillation with a rapid rate.")
    assert _lines(note) == ["99214", "93000"]
