"""Round 21: the admission's high risk belongs to a first inpatient note that tells the
admission (an admission heading or decision, the arrival through the emergency room, 'was
admitted'), not to a specialist who sees in bed a patient someone else admitted; a progress
note told by an ordinal day; coagulation tests and blood products."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit


def _level(note: str) -> dict[str, Any]:
    found = level_visit(analyze(note))
    assert found is not None
    return found


IN_BED = """CHIEF COMPLAINT: Vomiting.
HPI: A 52-year-old woman with a week of vomiting and no oral intake. Her creatinine is 5.2 and
her hemoglobin 5.7.
PAST MEDICAL HISTORY: Breast cancer.
SOCIAL HISTORY: No tobacco.
FAMILY HISTORY: Noncontributory.
PHYSICAL EXAM: Comfortable in bed. Abdomen soft.
IMPRESSION:
1. Nausea and vomiting with dehydration.
2. Acute renal failure.
PLAN: She will be on IV Protonix. I discussed an EGD with its risks, benefits and alternatives.
"""


def test_a_specialist_who_tells_no_admission_does_not_decide_it() -> None:
    found = _level(IN_BED)
    assert found["mdm"]["risk"] == "moderate"
    assert found["code"] == "99222"


def test_the_admission_told_in_the_history_is_the_notes_own() -> None:
    told = IN_BED.replace("A 52-year-old woman with", "A 52-year-old woman was admitted with")
    assert _level(told)["code"] == "99223"


def test_the_arrival_through_the_emergency_room_tells_the_admission() -> None:
    er = IN_BED.replace(
        "her hemoglobin 5.7.", "her hemoglobin 5.7. In the emergency room she was given fluids."
    )
    assert _level(er)["code"] == "99223"


def test_an_admission_only_foreseen_in_the_plan_is_not_told() -> None:
    # the risks of the endoscopy ("needing to be admitted") are no admission
    risks = IN_BED.replace(
        "I discussed an EGD with its risks, benefits and alternatives.",
        "I discussed an EGD with its risks, benefits and alternatives, including bleeding and "
        "needing to get admitted for a transfusion.",
    )
    assert _level(risks)["code"] == "99222"


PROGRESS = """Third postoperative day and eighth hospital day.
The patient is doing well after the fixation of his jaw fractures. Swelling is less.
Plan: Halcion 0.125 mg at bedtime for sleep. Change the tracheostomy tube tomorrow.
"""


def test_an_ordinal_postoperative_day_is_a_progress_note() -> None:
    assert _level(PROGRESS)["code"].startswith("9923")


CONSULTED = """HISTORY: A 20-year-old woman with pneumonia and sepsis, on the ventilator, who
has developed a coagulopathy. I am being consulted for recommendations.
PAST MEDICAL HISTORY: None.
SOCIAL HISTORY: Her mother is at the bedside.
FAMILY HISTORY: Noncontributory.
LABORATORY STUDIES: Platelet count 50,000, INR 2.4, fibrinogen 200, D-dimer 13.
IMPRESSION/PLAN: Disseminated intravascular coagulation from pneumococcal sepsis. Continue
factor replacement. I will repeat her laboratory studies in the morning.
"""


def test_a_consultant_told_in_the_present_is_a_consultation() -> None:
    found = _level(CONSULTED)
    assert found["patient_status"] == "new"
    # platelet count, coagulation tests and D-dimer reviewed (moderate data); blood products
    # continued (moderate risk); no admission decision of the consultant's: 99222
    assert found["mdm"]["data"] == "moderate"
    assert found["mdm"]["risk"] == "moderate"
    assert found["code"] == "99222"
