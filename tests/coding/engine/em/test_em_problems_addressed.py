"""Problems addressed as the AMA defines them: a past threat is no threat now, a threat to be
ruled out is addressed now, a working diagnosis being worked up is an undiagnosed new problem,
and a malignancy under treatment or surveillance is not a stable chronic illness."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit


def _problems(note: str) -> str:
    out = level_visit(analyze(note))
    assert out is not None
    return str(out["mdm"]["problems"])


PAST_BLEED = """CHIEF COMPLAINT: Blood pressure check.
HISTORY OF PRESENT ILLNESS: The patient returns for follow up of her blood pressure.
ASSESSMENT:
1. Hypertension, well controlled.
2. History of gastrointestinal bleeding in 2010.
PLAN: Continue amlodipine 5 mg daily. Return in six months.
"""


def test_a_threat_told_as_history_is_no_threat_now() -> None:
    assert _problems(PAST_BLEED) != "high"
    bleeding_now = PAST_BLEED.replace("History of gastrointestinal bleeding in 2010", "GI bleed")
    assert _problems(bleeding_now) == "high"


RULE_OUT_PE = """CHIEF COMPLAINT: Chest pain.
HISTORY OF PRESENT ILLNESS: A 60-year-old man admitted to the hospital three days after a hip
operation with new pleuritic chest pain.
ASSESSMENT:
1. Pleuritic chest pain. We will rule out PE with a CT angiogram.
2. Hypertension, controlled.
PLAN: CT angiogram of the chest this afternoon.
"""


def test_a_threat_to_be_ruled_out_is_addressed_now() -> None:
    assert _problems(RULE_OUT_PE) == "high"


HEDGED = """CHIEF COMPLAINT: Snoring.
HISTORY OF PRESENT ILLNESS: A 48-year-old man comes in today with loud snoring and daytime
sleepiness for a year.
ASSESSMENT:
1. Probable obstructive sleep apnea.
PLAN: {plan}
Return in four weeks.
"""


def test_a_working_diagnosis_with_a_test_ordered_is_an_undiagnosed_new_problem() -> None:
    assert _problems(HEDGED.format(plan="We will schedule an overnight sleep study.")) == (
        "moderate"
    )


def test_a_working_diagnosis_without_a_work_up_is_not() -> None:
    assert _problems(HEDGED.format(plan="Weight loss was encouraged.")) != "moderate"
    later = "If the snoring continues, we may get a sleep study."
    assert _problems(HEDGED.format(plan=later)) != "moderate"


CANCER = """CHIEF COMPLAINT: Follow up of lymphoma.
HISTORY OF PRESENT ILLNESS: The patient returns for follow up of follicular lymphoma. He
feels well.
ASSESSMENT: Follicular lymphoma. Overall he is doing well.
PLAN: {plan}
"""


def test_a_malignancy_under_surveillance_imaging_is_moderate() -> None:
    assert _problems(CANCER.format(plan="Repeat PET scan in three months.")) == "moderate"
    assert _problems(CANCER.format(plan="He continues rituximab maintenance.")) == "moderate"


def test_a_malignancy_seen_without_treatment_or_imaging_stays_low() -> None:
    assert _problems(CANCER.format(plan="See him again in six months.")) == "low"


ONE_CHRONIC = """CHIEF COMPLAINT: Follow up of acne.
HISTORY OF PRESENT ILLNESS: The patient returns for follow up of her acne. New papules keep
coming on the forehead and back.
ASSESSMENT: Acne vulgaris.
PLAN: {plan}
Return in two months.
"""


def test_a_chronic_illness_whose_treatment_is_stepped_up_is_not_at_goal() -> None:
    stepped_up = "Add doxycycline 100 mg twice a day. Continue tretinoin cream."
    assert _problems(ONE_CHRONIC.format(plan=stepped_up)) == "moderate"
    raised = "Increase the tretinoin cream to 0.1% and the minocycline to 100 mg daily."
    assert _problems(ONE_CHRONIC.format(plan=raised)) == "moderate"


def test_the_same_treatment_or_a_step_kept_for_later_leaves_it_stable() -> None:
    same = "Continue tretinoin cream nightly. Refills were sent."
    assert _problems(ONE_CHRONIC.format(plan=same)) == "low"
    later = "If no better, we will add doxycycline 100 mg twice a day."
    assert _problems(ONE_CHRONIC.format(plan=later)) == "low"


LIGHTHEADED = """CHIEF COMPLAINT: Lightheaded spells.
HISTORY OF PRESENT ILLNESS: The patient returns with brief lightheaded spells when standing.
ASSESSMENT: Lightheadedness.
PLAN: {plan}
"""


def _risk(note: str) -> str:
    out = level_visit(analyze(note))
    assert out is not None
    return str(out["mdm"]["risk"])


def test_further_diagnostic_testing_ordered_is_low_risk() -> None:
    assert _risk(LIGHTHEADED.format(plan="We will schedule a Holter monitor.")) == "low"
    assert _risk(LIGHTHEADED.format(plan="I have ordered an echocardiogram.")) == "low"


def test_a_result_read_or_a_test_kept_for_later_is_not_a_test_ordered() -> None:
    assert _risk(LIGHTHEADED.format(plan="His EKG today was normal. Reassurance.")) == "minimal"
    later = "If the spells continue, we may get a Holter monitor."
    assert _risk(LIGHTHEADED.format(plan=later)) == "minimal"
    pain = "She reports an increase in her dizziness to 8/10 on standing."
    assert _problems(ONE_CHRONIC.format(plan=pain)) == "low"


def test_one_chronic_illness_named_twice_is_one_illness() -> None:
    note = """CHIEF COMPLAINT: Blood pressure check.
HISTORY OF PRESENT ILLNESS: The patient returns for follow up of blood pressure.
ASSESSMENT:
1. Hypertension, stable.
Her hypertension is well controlled on her current regimen.
PLAN: Continue lisinopril 10 mg daily. Return in six months.
"""
    assert _problems(note) == "low"
    two = note.replace("Her hypertension is", "Her hyperlipidemia is")
    assert _problems(two) == "moderate"


ED_VISIT = """CHIEF COMPLAINT: Vomiting.
HISTORY OF PRESENT ILLNESS: A 6-year-old brought to the emergency department by his mother
with a day of vomiting.
ASSESSMENT: Vomiting with dehydration.
PLAN: {plan}
"""


def test_a_decision_about_hospitalization_told_of_the_patient_is_high_risk() -> None:
    admitting = "Dr. Lee will be admitting this child to the pediatric floor."
    assert _risk(ED_VISIT.format(plan=admitting)) == "high"
    declined = "I recommended admission, but the mother declined and will return in the morning."
    assert _risk(ED_VISIT.format(plan=declined)) == "high"
    home = "Oral rehydration. Discharged home with his mother."
    assert _risk(ED_VISIT.format(plan=home)) != "high"


def test_a_side_effect_of_treatment_is_counted_like_a_flare() -> None:
    note = """CHIEF COMPLAINT: Mouth sores.
HISTORY OF PRESENT ILLNESS: A 60-year-old woman on methotrexate for rheumatoid arthritis with
painful mouth ulcers for a week.
ASSESSMENT: Oral ulcers, likely secondary to methotrexate.
PLAN: Hold methotrexate for two weeks. Return in two weeks.
"""
    assert _problems(note) == "moderate"
    unrelated = note.replace("likely secondary to methotrexate", "viral")
    assert _problems(unrelated) != "moderate"


def test_a_doubt_about_the_cause_of_a_made_diagnosis_is_no_work_up() -> None:
    cause = HEDGED.replace(
        "Probable obstructive sleep apnea.", "Knee pain, possibly secondary to overuse."
    )
    assert _problems(cause.format(plan="We will get an x-ray of the knee.")) != ("moderate")
