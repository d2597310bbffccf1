"""Round 19 readers of the E/M elements: a young child's parent as the historian, a standing
CODE STATUS, a study's finding told in the history, one illness of both sides, analytes named
by diagnoses and drugs, a cardiac catheterization decided on, a dose cut, and an old infarct."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.em import level_visit


def _level(note: str) -> dict[str, Any]:
    found = level_visit(analyze(note))
    assert found is not None
    return found


def _em(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"] if p["code"].startswith("99")]


TODDLER = """SUBJECTIVE: This 2-year-old girl is brought by her father because she coughs at night
for a week. No fever. Eating and drinking well.
OBJECTIVE: Afebrile. Lungs clear. Ears and throat normal.
ASSESSMENT: Cough, probably postviral.
PLAN: Honey at bedtime, humidifier. Call if it lasts beyond two more weeks.
"""


def test_a_parent_who_brings_a_young_child_is_an_independent_historian() -> None:
    found = _level(TODDLER)
    assert found["mdm"]["data"] == "limited"
    assert _em(TODDLER) == ["99213"]


def test_an_adult_who_comes_with_a_parent_has_no_historian() -> None:
    adult = TODDLER.replace(
        "2-year-old girl is brought by her father", "30-year-old woman is here with her mother"
    )
    assert _level(adult)["mdm"]["data"] == "minimal"
    assert _em(adult) == ["99212"]


NURSING = """Seen today at the nursing home for her monthly visit.
INTERVAL HISTORY: No falls. Eating well. Mood stable.
CODE STATUS: DNR, healthcare proxy is her son.
EXAMINATION: Comfortable. Lungs clear.
ASSESSMENT:
1. Dementia, stable.
2. Hypertension, controlled.
PLAN: Continue current medications.
"""


def test_a_standing_code_status_is_no_decision_about_resuscitation() -> None:
    assert _level(NURSING)["mdm"]["risk"] == "moderate"


def test_a_code_status_decided_at_the_visit_is_high_risk() -> None:
    decided = NURSING.replace(
        "DNR, healthcare proxy is her son.", "DNR after discussion with her son today."
    )
    assert _level(decided)["mdm"]["risk"] == "high"


CHEST_PAIN = """REASON FOR CONSULTATION: Chest pain.
HISTORY: A 55-year-old man with two weeks of chest pressure on exertion. He went to an urgent
care last week where an EKG showed sinus rhythm.
PAST MEDICAL HISTORY: Hyperlipidemia.
EXAMINATION: BP 138/84. Heart regular without murmur.
IMPRESSION: Exertional chest pressure, rule out coronary artery disease.
PLAN: Will schedule him for heart catheterization.
"""


def test_a_study_told_in_the_history_is_a_result_reviewed_not_an_interpretation() -> None:
    found = _level(CHEST_PAIN)
    assert found["mdm"]["data"] != "moderate"


def test_a_study_read_in_the_data_section_is_the_clinicians_own_reading() -> None:
    read = CHEST_PAIN.replace(
        "IMPRESSION:", "DATA: EKG shows sinus rhythm with nonspecific T wave changes.\nIMPRESSION:"
    )
    assert _level(read)["mdm"]["data"] == "moderate"


def test_a_cardiac_catheterization_decided_on_is_moderate_risk() -> None:
    found = _level(CHEST_PAIN)
    assert found["mdm"]["risk"] == "moderate"
    assert found["code"] == "99204"
    deferred = CHEST_PAIN.replace(
        "Will schedule him for heart catheterization.", "Reassurance. Walk daily."
    )
    assert _level(deferred)["mdm"]["risk"] == "minimal"


BUNIONS = """S - A 62-year-old woman presents for her painful feet.
O - Bunions at both first metatarsophalangeal joints, nontender.
A - 1. Bilateral bunions.
2. Calluses.
P - Wider shoes. Return as needed.
"""


def test_one_illness_of_both_sides_is_one_problem() -> None:
    found = _level(BUNIONS)
    assert found["mdm"]["problems"] == "low"


LUMP = """CHIEF COMPLAINT: A lump over the ribs.
HISTORY OF PRESENT ILLNESS: A 56-year-old man with a tender lump over the lower ribs for a year.
PAST MEDICAL HISTORY: Hypertension. Glucose intolerance.
FAMILY HISTORY: Noncontributory.
SOCIAL HISTORY: Smokes.
REVIEW OF SYSTEMS: Negative.
EXAMINATION: A 2 cm hard mass at the left costal margin.
LABS: An ultrasound shows the mass arises from bone.
DIAGNOSES:
1. Mass of the left costal margin.
2. Glucose intolerance.
PLANS/RECOMMENDATIONS: A CT scan of the chest is ordered to rule out a tumor.
"""


def test_a_diagnosis_naming_an_analyte_is_no_test_and_plans_is_the_plan() -> None:
    found = _level(LUMP)
    assert found["mdm"]["data"] == "limited"
    assert found["mdm"]["risk"] == "low"
    assert found["code"] == "99203"


def test_a_dose_cut_is_prescription_drug_management() -> None:
    note = """HISTORY OF PRESENT ILLNESS: Returns during chemotherapy for lung cancer, cycle 5 done.
ASSESSMENT/PLAN: Small cell lung cancer. Platelets fell low this cycle: the next cycles will be
dose reduced by 10%.
"""
    assert _level(note)["mdm"]["risk"] in ("moderate", "high")


def test_an_old_infarct_is_no_threat() -> None:
    note = """HISTORY OF PRESENT ILLNESS: Follow-up of coronary disease, no angina since bypass.
ASSESSMENT:
1. Coronary artery disease, stable.
2. Possible small old myocardial infarction on the EKG.
PLAN: Continue metoprolol 25 mg twice daily.
"""
    found = _level(note)
    assert found["mdm"]["problems"] != "high"
    recent = note.replace(
        "Possible small old myocardial infarction", "Rule out myocardial infarction"
    )
    assert _level(recent)["mdm"]["problems"] == "high"


HERNIA = """HISTORY OF PRESENT ILLNESS: A 45-year-old man with a right groin bulge for a year that
aches when he lifts at work.
EXAMINATION: Reducible right inguinal hernia.
IMPRESSION/PLAN: Right inguinal hernia. We went over the risks and possible complications of
the repair, including infection, bleeding, a blood clot in the leg and pulmonary embolism, and he
wishes to proceed with laparoscopic repair.
"""


def test_a_complication_listed_among_the_risks_of_an_operation_is_no_problem_addressed() -> None:
    found = _level(HERNIA)
    assert found["mdm"]["problems"] == "low"
    assert found["mdm"]["risk"] == "moderate"
    worked_up = HERNIA.replace(
        "Right inguinal hernia. We went over",
        "Right inguinal hernia. Calf swelling, rule out pulmonary embolism. We went over",
    )
    assert _level(worked_up)["mdm"]["problems"] == "high"


def test_infection_serologies_and_a_single_liver_test_are_tests() -> None:
    note = """HISTORY OF PRESENT ILLNESS: A nurse returns three months after a needlestick from a
source with hepatitis C. He feels well.
ASSESSMENT: Needlestick exposure. His liver function test is normal, the hepatitis C antibody
is negative and the HIV test is negative.
PLAN: Repeat testing at six months.
"""
    found = _level(note)
    assert found["mdm"]["data"] == "moderate"
    one = note.replace(", the hepatitis C antibody\nis negative and the HIV test is negative", "")
    assert _level(one)["mdm"]["data"] == "minimal"
