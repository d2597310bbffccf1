"""Everyday diagnosis words that no tabular title carries, read through the curated index.

Each entry follows the ICD-10-CM index (Neuroma, acoustic D33.3; Swings, mood R45.86; Venom,
wasp T63.46-; ...). The notes are synthetic.
"""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize(
    ("diagnosis", "code"),
    [
        ("Right acoustic neuroma", "D33.3"),
        ("Vestibular schwannoma", "D33.3"),
        ("Mood swings with tearfulness", "R45.86"),
        ("Urgency incontinence", "N39.41"),
        ("Hypoalbuminemia", "E88.09"),
        ("Hypophosphatemia", "E83.39"),
        ("Beta thalassemia trait", "D56.3"),
        ("Nephrotic syndrome", "N04.9"),
        ("Bowel incontinence", "R15.9"),
        ("Left mainstem bronchomalacia", "J98.09"),
        ("Tracheomalacia", "J39.8"),
        ("Cancer-related pain", "G89.3"),
        ("Wasp sting to the left forearm", "T63.461A"),
        ("Bee sting of the right hand", "T63.441A"),
        ("Digoxin toxicity", "T46.0X5A"),
        ("Asystole", "I46.9"),
        ("Prolonged QT interval", "R94.31"),
        ("Renal artery stenosis", "I70.1"),
        ("Felon of the left index finger", "L03.012"),
        ("Folliculitis", "L73.9"),
        ("Floaters, right eye", "H43.391"),
        ("Hand, foot and mouth disease", "B08.4"),
        ("Developmental delay", "R62.50"),
        ("Encopresis", "R15.9"),
        ("Contact with COVID-19", "Z20.822"),
        ("Postpartum endometritis", "O86.12"),
        ("Respiratory distress syndrome of the newborn", "P22.0"),
        ("Psoriatic arthritis", "L40.50"),
        ("Phantom limb pain", "G54.6"),
        ("Left breast lobular carcinoma in situ", "D05.02"),
        ("Postpartum depression", "F53.0"),
        ("Diaper rash", "L22"),
        ("SUI", "N39.3"),
        ("Heat stroke", "T67.01XA"),
        ("Hypoxic respiratory failure", "J96.91"),
        ("Prerenal azotemia", "R39.2"),
        ("Acute coronary syndrome", "I24.9"),
        ("Multiple bowel perforations", "K63.1"),
        ("Incarcerated hernia", "K46.0"),
        ("Diabetic gangrene of the foot", "E11.52"),
        ("Hyperosmolar hyperglycemic state", "E11.00"),
        ("Delirium tremens", "F10.231"),
        ("Avulsed tooth", "S03.2XXA"),
        ("Dislodged gastrostomy tube", "K94.23"),
        ("Infected port", "T82.7XXA"),
        ("Hardware pain", "T84.84XA"),
        ("Spastic diplegia", "G80.1"),
        ("Social anxiety disorder", "F40.10"),
        ("Nonsuicidal self-harm", "R45.88"),
        ("Marital discord", "Z63.0"),
        ("Melasma", "L81.1"),
        ("Dermatofibroma", "D23.9"),
        ("Medication noncompliance", "Z91.148"),
        ("Prematurity, 34 weeks' gestation", "P07.37"),
        ("Premature infant born at 26 weeks", "P07.25"),
        ("Scarlet fever", "A38.9"),
        ("Pinworms", "B80"),
        ("SIADH", "E22.2"),
        ("Low HDL", "E78.6"),
        ("Sports physical", "Z02.5"),
        ("Normal pregnancy, first trimester", "Z34.91"),
        ("Hip click", "R29.4"),
        ("Toe walking", "R26.89"),
        ("Hyperlipidemia, mixed", "E78.2"),
        ("Hypothyroidism, postsurgical", "E89.0"),
    ],
)
def test_an_everyday_wording_reaches_its_index_code(diagnosis: str, code: str) -> None:
    note = f"ASSESSMENT:\n1. {diagnosis}.\nPLAN: Follow up in two weeks.\n"
    assert code in codes(note)


def test_congenital_airway_softening_is_the_congenital_code() -> None:
    assert "Q32.0" in codes("ASSESSMENT:\n1. Congenital tracheomalacia.\n")


def test_a_word_that_names_a_test_or_another_organ_is_not_that_diagnosis() -> None:
    scope = "FINDINGS:\n1. Scattered aphthous ulcers in the gastric antrum, biopsied.\n"
    assert "K12.0" not in codes(scope)
    sent = "ASSESSMENT:\n1. Vaginal discharge. GC and chlamydia cultures were sent.\n"
    assert "A74.9" not in codes(sent)


@pytest.mark.parametrize(
    ("impression", "code"),
    [
        ("Appendicolith", "K38.1"),
        ("Gallbladder sludge", "K82.8"),
        ("Left breast cyst", "N60.02"),
        ("Ectatic abdominal aorta", "I77.811"),
        ("Schmorl's nodes in the lumbar spine", "M51.46"),
        ("Hemangioma of the L2 vertebral body", "D18.09"),
        ("Angiodysplasia", "K55.20"),
        ("Pancreas divisum", "Q45.3"),
        ("Periampullary diverticulum", "K57.10"),
        ("Erythematous gastropathy", "K29.70"),
    ],
)
def test_a_report_impression_reaches_its_index_code(impression: str, code: str) -> None:
    found = codes(f"EXAM: CT of the abdomen.\nIMPRESSION:\n1. {impression}.\n")
    assert found == [code]


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        ("Pain in both knees", ["M25.561", "M25.562"]),
        ("Pain in the lower back", ["M54.50"]),
        ("Pain in the neck", ["M54.2"]),
        ("Pain in the right upper quadrant", ["R10.11"]),
        ("Pain in the left eye", ["H57.12"]),
        ("Pain in the left testicle", ["N50.812"]),
        ("Throat pain", ["R07.0"]),
        # a limb pain on both sides has no bilateral code: one code per side (I.B.13), and
        # the one side's pain does not make the other's redundant
        ("Bilateral hand pain", ["M79.641", "M79.642"]),
        ("Pain in both legs", ["M79.604", "M79.605"]),
        # where the pain radiates is not where it is
        ("Hip pain radiating to the knee", ["M25.559"]),
        ("Pain in the medial aspect of the right knee", ["M25.561"]),
    ],
)
def test_pain_told_as_pain_in_the_site_is_the_site_pain(told: str, expected: list[str]) -> None:
    found = codes(f"ASSESSMENT:\n1. {told}.\nPLAN: Follow up.\n")
    assert found == expected


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        # the index's inverted order, as problem lists write it
        ("Carcinoma, breast, left", ["C50.912"]),
        ("Cancer, colon", ["C18.9"]),
        ("Cataract, nuclear sclerotic, right eye", ["H25.11"]),
        ("Glaucoma, primary open angle, both eyes", ["H40.1130"]),
        ("Papillary carcinoma of the thyroid", ["C73"]),
        ("Heart failure, diastolic, chronic", ["I50.32"]),
        ("Kidney disease, chronic, stage 4", ["N18.4"]),
        ("Renal failure, acute", ["N17.9"]),
        ("Autosomal dominant polycystic kidney disease", ["Q61.2"]),
        ("Cancer", ["C80.1"]),
    ],
)
def test_a_site_or_type_told_after_the_word_refines_it(told: str, expected: list[str]) -> None:
    assert codes(f"ASSESSMENT:\n1. {told}.\nPLAN: Follow up.\n") == expected


def test_neutropenic_fever_is_the_neutropenia_with_its_fever() -> None:
    found = codes("ASSESSMENT:\n1. Febrile neutropenia.\nPLAN: Admit for antibiotics.\n")
    assert found == ["D70.9", "R50.81"]


def test_heat_stroke_is_no_stroke_and_a_prevention_bundle_no_pneumonia() -> None:
    found = codes("ASSESSMENT:\n1. Heat stroke after a marathon.\nPLAN: Cooling.\n")
    assert found == ["T67.01XA"]
    plan = "ASSESSMENT:\n1. Intubated; ventilator associated pneumonia prevention bundle.\n"
    assert "J95.851" not in codes(plan)


def test_acute_and_chronic_takes_both_codes_acute_first() -> None:
    # guideline I.B.8: separate index subentries at the same level, both coded
    note = "ASSESSMENT:\n1. Acute on chronic pancreatitis.\nPLAN: Admit, bowel rest.\n"
    assert codes(note) == ["K85.90", "K86.1"]


def test_a_test_or_a_denial_is_not_the_condition() -> None:
    assert "Z34.90" not in codes("ASSESSMENT:\n1. Normal pregnancy test.\nPLAN: Recheck.\n")
    sore = "ASSESSMENT:\n1. Exudative tonsillitis, non-strep, non-mono.\nPLAN: Antibiotics.\n"
    assert "B27.90" not in codes(sore)


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        ("Changing mole of the scalp.", "D22.4"),
        ("Mole on the upper back, biopsied.", "D22.5"),
        ("Irregular mole, right forearm.", "D22.61"),
    ],
)
def test_a_mole_is_a_nevus_by_its_site(told: str, expected: str) -> None:
    # index: Mole (pigmented) - see Nevus
    assert expected in codes(f"ASSESSMENT:\n1. {told}\nPLAN: Follow up.\n")


def test_a_hydatidiform_mole_is_no_nevus() -> None:
    found = codes("ASSESSMENT:\n1. Hydatidiform mole.\nPLAN: Serial hCG levels.\n")
    assert not any(c.startswith("D22") for c in found)


@pytest.mark.parametrize(
    "told",
    [
        "Right preauricular skin tag.",
        "Accessory tragus, left.",
        "Ear tag in front of the right ear.",
    ],
)
def test_a_preauricular_tag_is_an_accessory_auricle(told: str) -> None:
    # index: Accessory auricle (ear) Q17.0; Tag, preauricular Q17.0
    assert "Q17.0" in codes(f"ASSESSMENT:\n1. {told}\nPLAN: Excision under local.\n")


@pytest.mark.parametrize(
    "told",
    [
        "Patient requests cosmetic improvement of the nose.",
        "Aging face and neck.",
        "Cosmetic consultation.",
    ],
)
def test_a_request_for_a_change_in_looks_is_a_cosmetic_encounter(told: str) -> None:
    assert "Z41.1" in codes(f"ASSESSMENT:\n1. {told}\nPLAN: Surgery as discussed.\n")


def test_a_cosmetic_result_or_a_past_cosmetic_operation_is_no_cosmetic_encounter() -> None:
    found = codes(
        "ASSESSMENT:\n1. Healed incision with a good cosmetic result.\n"
        "2. Had cosmetic surgery of the chin years ago.\nPLAN: Follow up as needed.\n"
    )
    assert "Z41.1" not in found
