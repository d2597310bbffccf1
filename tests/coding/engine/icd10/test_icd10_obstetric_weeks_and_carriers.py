"""Chapter 15 conventions that depend on the exact gestational age and the delivery.

Synthetic notes: post-term from 40 weeks 1 day in every written form of the days, premature
rupture of membranes by term and onset, the Streptococcus B carrier state at a delivery, and a
live birth told as a viable neonate.
"""

from __future__ import annotations

from typing import Any

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str, **kw: Any) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note), **kw)]


FEMALE = {"sex": "female", "age": 29}


def _delivery(weeks: str) -> str:
    return (
        f"DELIVERY NOTE: A 29-year-old G2 P1 at {weeks} gestation came in with active labor. "
        "Membranes were ruptured artificially and showed meconium-stained fluid. She delivered "
        "a live female infant over an intact perineum. Apgars were 8 and 9.\n"
    )


@pytest.mark.parametrize(
    "weeks",
    ["40 weeks 2 days", "40 weeks and three days", "40 and 5/7 weeks", "40-1/7 weeks", "40+4"],
)
def test_a_delivery_past_40_completed_weeks_is_post_term(weeks: str) -> None:
    found = codes(_delivery(weeks), patient=FEMALE)
    assert "O48.0" in found and "Z3A.40" in found and "Z37.0" in found


@pytest.mark.parametrize("weeks", ["40 weeks", "39 weeks 6 days", "38-1/2 weeks"])
def test_a_delivery_at_or_before_40_completed_weeks_is_not_post_term(weeks: str) -> None:
    found = codes(_delivery(weeks), patient=FEMALE)
    assert not any(c.startswith("O48") for c in found)
    assert any(c.startswith("Z3A.") for c in found)


def test_beyond_42_completed_weeks_is_prolonged() -> None:
    found = codes(_delivery("42 weeks 2 days"), patient=FEMALE)
    assert "O48.1" in found and "O48.0" not in found and "Z3A.42" in found


def test_prolonged_premature_rupture_at_term_is_full_term_after_24_hours() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES: Intrauterine pregnancy at 39 weeks. Premature rupture of "
        "membranes, prolonged, more than 24 hours. Arrest of dilation.\n"
        "PROCEDURE: Primary low transverse cesarean section.\n"
        "FINDINGS: Viable male infant, Apgars 8 and 9.\n"
    )
    found = codes(note, patient=FEMALE)
    assert "O42.12" in found and "O42.90" not in found


def test_preterm_premature_rupture_takes_the_trimester() -> None:
    note = (
        "ASSESSMENT: Intrauterine pregnancy at 33 weeks with preterm premature rupture of "
        "membranes. PLAN: Admit, betamethasone, latency antibiotics.\n"
    )
    found = codes(note, patient=FEMALE)
    assert "O42.913" in found and "Z3A.33" in found


def test_a_streptococcus_b_carrier_at_delivery_is_o99_824_without_z22() -> None:
    note = (
        "DELIVERY NOTE: A 31-year-old G3 P2 at 39 weeks. She is GBS positive and received "
        "penicillin in labor. She delivered a viable male infant over an intact perineum; "
        "Apgars were 9 and 9.\n"
    )
    found = codes(note, patient=FEMALE)
    assert "O99.824" in found and "Z22.330" not in found and "O80" not in found


def test_a_negative_group_b_strep_culture_is_no_carrier_state() -> None:
    note = (
        "DELIVERY NOTE: A 24-year-old G1 P0 at 39 weeks. Her group B strep culture came back "
        "negative. She delivered a live female infant over an intact perineum; Apgars 8 and 9.\n"
    )
    found = codes(note, patient=FEMALE)
    assert not any(c.startswith("O99.82") for c in found)


def test_a_viable_neonate_told_with_its_weight_is_a_live_birth() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES: Intrauterine pregnancy at 39 weeks. Cephalopelvic "
        "disproportion.\n"
        "PROCEDURE: Primary low transverse cesarean section with delivery of viable 8 lb male "
        "neonate.\n"
    )
    found = codes(note, patient=FEMALE)
    assert "Z37.0" in found


def test_chronic_hypertension_at_a_delivery_complicates_childbirth() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES: Intrauterine pregnancy at 39 weeks. Chronic hypertension.\n"
        "PROCEDURE: Primary low transverse cesarean section.\n"
        "FINDINGS: Viable female infant, Apgars 8 and 9.\n"
    )
    found = codes(note, patient=FEMALE)
    assert "O10.02" in found and not any(c.startswith("O10.01") for c in found)


def test_preterm_labor_ending_in_the_delivery_is_labor_with_preterm_delivery() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES: Intrauterine pregnancy at 34 weeks. Preterm labor.\n"
        "PROCEDURE: Primary low transverse cesarean section.\n"
        "FINDINGS: Viable male infant, Apgars 7 and 9.\n"
    )
    found = codes(note, patient=FEMALE)
    assert "O60.14X0" in found and not any(c.startswith("O60.0") for c in found)


def test_a_sided_ectopic_pregnancy_is_tubal_unless_the_ovary_is_named() -> None:
    found = codes("DIAGNOSIS: Left ectopic pregnancy.\n", patient=FEMALE)
    assert "O00.102" in found
    found = codes("DIAGNOSIS: Right ectopic pregnancy in the ovary.\n", patient=FEMALE)
    assert "O00.201" in found


def test_plural_lacerations_keep_their_degree() -> None:
    note = "POSTPARTUM DIAGNOSIS: Multiple first-degree lacerations after a vaginal delivery.\n"
    assert "O70.0" in codes(note, patient=FEMALE)


def test_a_vigorous_infant_delivered_is_a_live_birth() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Intrauterine pregnancy at 39 weeks.\n"
        "PROCEDURE: Spontaneous controlled vaginal delivery.\n"
        "DESCRIPTION: The infant was a vigorous female. The placenta delivered intact.\n"
    )
    assert "Z37.0" in codes(note, patient=FEMALE)


def test_gestational_diabetes_on_an_oral_agent_at_a_delivery_is_in_childbirth() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES: Intrauterine pregnancy at 39 weeks. Gestational diabetes "
        "controlled on glyburide.\n"
        "PROCEDURE: Primary low transverse cesarean section.\n"
        "FINDINGS: Viable male infant, Apgars 8 and 9.\n"
    )
    found = codes(note, patient=FEMALE)
    assert "O24.425" in found and not any(c.startswith("O24.41") for c in found)


def test_class_a1_gestational_diabetes_is_diet_controlled() -> None:
    note = "ASSESSMENT: Intrauterine pregnancy at 30 weeks. A1GDM.\nPLAN: Continue diet.\n"
    assert "O24.410" in codes(note, patient=FEMALE)


def test_an_arrest_of_descent_is_a_prolonged_second_stage() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES: Intrauterine pregnancy at 37-1/2 weeks. Arrest of descent.\n"
        "PROCEDURE: Primary low transverse cesarean section.\n"
        "FINDINGS: Live female infant.\n"
    )
    found = codes(note, patient=FEMALE)
    assert "O63.1" in found and "Z3A.37" in found and "O48.0" not in found


def test_delivery_summary_without_a_story_is_a_normal_delivery_with_weeks_and_outcome() -> None:
    note = (
        "DIAGNOSIS: Intrauterine pregnancy at 39 weeks, delivered.\n"
        "PROCEDURE: Spontaneous vaginal delivery of a live born male infant.\n"
    )
    assert codes(note, patient=FEMALE) == ["O80", "Z3A.39", "Z37.0"]


def test_preterm_labor_takes_its_trimester_and_weeks_from_a_one_word_gravida_para() -> None:
    note = "HISTORY: G3P2 at 31 weeks with regular contractions.\nASSESSMENT: Preterm labor.\n"
    found = codes(note, patient=FEMALE)
    assert "O60.03" in found and "Z3A.31" in found and "O60.00" not in found


def test_the_weeks_are_the_dating_not_a_growth_scan_estimate() -> None:
    note = (
        "EXAM: Obstetric ultrasound, twin gestation.\n"
        "GESTATIONAL AGE BY CURRENT ULTRASOUND: 31 weeks, 2 days.\n"
        "GESTATIONAL AGE BY DATES: 33 weeks, 4 days.\n"
        "IMPRESSION: Dichorionic diamniotic twin pregnancy, both fetuses growing normally.\n"
    )
    got = codes(note, patient=FEMALE)
    assert "Z3A.33" in got and "Z3A.31" not in got
    # "8 to 9 weeks": 8 weeks completed
    note = (
        "HISTORY: A 24-year-old G1 at about 8 to 9 weeks gestation with hyperemesis "
        "gravidarum, admitted for intravenous fluids.\n"
        "ASSESSMENT: Hyperemesis gravidarum.\n"
    )
    assert "Z3A.08" in codes(note, patient=FEMALE)


@pytest.mark.parametrize(
    "told",
    [
        "She pushed well to deliver a vigorous male infant over an intact perineum.",
        "A low transverse incision was made and the infant was delivered from a vertex position.",
    ],
)
def test_an_operative_story_delivering_an_infant_reports_a_live_birth(told: str) -> None:
    note = f"PROCEDURE: Delivery.\nDESCRIPTION: {told} The placenta was removed intact.\n"
    assert "Z37.0" in codes(note, patient=FEMALE)


def test_a_hospital_course_tells_this_stays_delivery_and_a_stillbirth_is_not_live() -> None:
    course = (
        "DISCHARGE DIAGNOSES: Intrauterine pregnancy at 39 weeks.\nHOSPITAL COURSE: She underwent "
        "a primary cesarean section with delivery of a female infant{}.\n"
    )
    assert "Z37.0" in codes(course.format(""), patient=FEMALE)
    assert "Z37.0" not in codes(course.format(", a stillbirth"), patient=FEMALE)


def test_a_delivery_told_as_past_is_not_this_encounters() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Status post spontaneous vaginal delivery, abnormal bleeding.\n"
        "PROCEDURE: Dilation and curettage.\n"
    )
    assert not [c for c in codes(note, patient=FEMALE) if c.startswith("Z37")]


def test_a_delivery_only_told_under_way_reports_no_outcome() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Bladder injury.\nPROCEDURE: Repair of bladder laceration.\n"
        "FINDINGS: The patient was undergoing a cesarean section when the bladder was entered.\n"
    )
    assert not [c for c in codes(note, patient=FEMALE) if c.startswith("Z37")]
