"""A digestive, respiratory, mental or nervous system disease (or an infection) of a pregnant
patient is coded first with its chapter 15 code and then with its own code (I.C.15.a.1); a
child's birth history, or the patient's own birth, is not the patient's pregnancy."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_appendicitis_in_pregnancy_takes_the_digestive_chapter_15_code_and_its_own() -> None:
    found = codes(
        "PREOPERATIVE DIAGNOSIS: Acute appendicitis, intrauterine pregnancy at 24 weeks.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Open appendectomy.\n"
    )
    assert {"O99.612", "K35.80", "Z3A.24"} <= set(found)


def test_asthma_in_pregnancy_takes_the_respiratory_chapter_15_code() -> None:
    found = codes(
        "ASSESSMENT: Intrauterine pregnancy at 31 weeks. Mild intermittent asthma "
        "exacerbation.\nPLAN: Albuterol inhaler.\n"
    )
    assert "O99.513" in found and any(c.startswith("J45") for c in found)


def test_a_childs_birth_history_is_no_pregnancy_of_the_patient() -> None:
    found = codes(
        "HISTORY OF PRESENT ILLNESS: A 10-year-old with heartburn after meals.\n"
        "BIRTH HISTORY: His mother had a normal pregnancy with prenatal care from 12 weeks.\n"
        "ASSESSMENT: Gastroesophageal reflux disease.\nPLAN: Omeprazole.\n"
    )
    assert "K21.9" in found
    assert not any(c.startswith(("O", "Z3A")) for c in found)


def test_pre_existing_type_2_diabetes_keeps_its_code_beside_the_pregnancy_code() -> None:
    found = codes(
        "ASSESSMENT: Intrauterine pregnancy at 20 weeks. Type 2 diabetes mellitus, on insulin.\n"
        "PLAN: Continue insulin.\n"
    )
    assert "O24.112" in found and "E11.9" in found


def test_nervous_and_mental_conditions_of_a_pregnant_patient() -> None:
    note = (
        "ASSESSMENT:\n1. Intrauterine pregnancy at 24 weeks.\n2. Migraine without aura.\n"
        "3. Epilepsy, well controlled.\n4. Smokes half a pack of cigarettes a day.\n"
        "PLAN: Return in 4 weeks.\n"
    )
    got = codes(note)
    assert got.count("O99.352") == 1
    # one O99.35- for the two nervous system conditions, each condition kept after it
    assert {"O99.352", "G43.009", "O99.332", "F17.210", "Z3A.24"} <= set(got)
    assert any(c.startswith("G40") for c in got)
    # at a delivery the condition complicates childbirth
    delivery = (
        "PREOPERATIVE DIAGNOSES:\n1. Intrauterine pregnancy at 37 weeks.\n"
        "2. Charcot-Marie-Tooth disease.\nPROCEDURE: Primary low transverse cesarean section.\n"
        "DESCRIPTION: A viable female infant was delivered.\n"
    )
    assert {"O99.354", "G60.0"} <= set(codes(delivery))


def test_the_patients_own_birth_is_no_pregnancy() -> None:
    note = (
        "DEVELOPMENTAL HISTORY: The patient was born fullterm, vaginally, after a normal"
        " pregnancy.\nASSESSMENT:\n1. Hypertension.\n2. Migraine.\nPLAN: Continue lisinopril.\n"
    )
    got = codes(note)
    assert "I10" in got
    assert not any(c.startswith(("O", "Z3A")) for c in got)


def test_viral_hepatitis_at_a_delivery_takes_o98_42_and_its_own_code() -> None:
    found = codes(
        "POSTOPERATIVE DIAGNOSES:\n1. Intrauterine pregnancy at 39 weeks.\n"
        "2. Chronic hepatitis C.\n3. Delivery of a viable male infant.\n"
        "PROCEDURE: Primary low transverse cesarean section.\n"
    )
    assert {"O98.42", "B18.2", "Z3A.39", "Z37.0"} <= set(found)


def test_hiv_disease_in_pregnancy_takes_o98_7_and_b20() -> None:
    found = codes("ASSESSMENT: Intrauterine pregnancy at 28 weeks; HIV disease on treatment.\n")
    assert {"O98.713", "B20", "Z3A.28"} <= set(found)


def test_a_cured_hepatitis_is_no_pregnancy_complication() -> None:
    found = codes(
        "ASSESSMENT: Intrauterine pregnancy at 20 weeks. History of hepatitis C, cured.\n"
    )
    assert not any(c.startswith("O98.4") for c in found)
