"""A patient told to be in an intensive care unit now, or admitted to one ("a woman admitted
to the intensive care unit"), is seen in the hospital: a consultant's first visit is initial
hospital care. An ICU stay told of the past in an office follow-up is not."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

CONSULT = """REASON FOR CONSULTATION: High blood pressure after delivery.
HISTORY OF PRESENT ILLNESS: A 36-year-old woman {where}, two days after a cesarean delivery,
with blood pressures near 170/100 despite labetalol.
PAST MEDICAL HISTORY: Chronic hypertension.
SOCIAL HISTORY: Does not smoke.
IMPRESSION: Postpartum preeclampsia with uncontrolled blood pressure.
RECOMMENDATIONS: Echocardiogram. Increase labetalol to 400 mg twice daily and add nifedipine.
"""

OFFICE = """HISTORY OF PRESENT ILLNESS: A 36-year-old woman returns today for follow-up of her
blood pressure. She was in the intensive care unit in March after her delivery.
PAST MEDICAL HISTORY: Chronic hypertension.
ASSESSMENT: Hypertension, controlled.
PLAN: Continue labetalol 200 mg twice daily. Recheck in three months.
"""


def test_patient_in_the_icu_now_is_hospital_care() -> None:
    for where in ("who is now in the intensive care unit", "admitted to the ICU"):
        level = level_visit(analyze(CONSULT.format(where=where)))
        assert level is not None
        assert level["code"].startswith("9922"), where


def test_past_icu_stay_in_an_office_follow_up_stays_office() -> None:
    level = level_visit(analyze(OFFICE))
    assert level is not None
    assert level["code"].startswith("9921")
