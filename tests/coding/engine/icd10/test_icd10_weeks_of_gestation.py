"""Weeks of gestation (Z3A) on the maternal record at any pregnancy encounter, complicated or
routine (guideline I.C.21.c.11), never on a newborn's or child's record. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_routine_obstetric_ultrasound_reports_the_weeks() -> None:
    note = (
        "EXAM: Obstetric ultrasound.\n"
        "HISTORY: Routine dating of the pregnancy.\n"
        "FINDINGS: Single live intrauterine pregnancy. Fetal heart rate 148 beats per minute. "
        "Biparietal diameter consistent with 22 weeks 3 days gestation. Placenta is anterior "
        "without previa. Amniotic fluid volume is normal.\n"
        "IMPRESSION: Single live intrauterine pregnancy at 22 weeks 3 days by biometry.\n"
    )
    assert "Z3A.22" in codes(note)


def test_prenatal_visit_reports_the_weeks() -> None:
    note = (
        "SUBJECTIVE: The patient is a 31-year-old gravida 2, para 1 at 27 weeks gestation who "
        "comes in for her routine prenatal visit. Good fetal movement, no contractions.\n"
        "ASSESSMENT: Intrauterine pregnancy, doing well.\n"
        "PLAN: Glucose challenge test next visit.\n"
    )
    assert "Z3A.27" in codes(note)


def test_newborn_record_takes_no_weeks_of_gestation() -> None:
    note = (
        "ASSESSMENT:\n1. Prematurity, 33 weeks' gestation, now 4 days old.\n"
        "2. Feeding difficulty.\nPLAN: Continue gavage feeds and advance as tolerated.\n"
    )
    assert not [c for c in codes(note) if c.startswith("Z3A")]


def test_child_birth_history_takes_no_weeks_of_gestation() -> None:
    note = (
        "CHIEF COMPLAINT: Ear pain.\n"
        "BIRTH HISTORY: Born at 35 weeks gestation to a G3 mother by vaginal delivery.\n"
        "ASSESSMENT: Acute otitis media, right ear.\nPLAN: Amoxicillin for ten days.\n"
    )
    assert not [c for c in codes(note) if c.startswith("Z3A")]
