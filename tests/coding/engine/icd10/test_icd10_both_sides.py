"""A condition told on both sides (guideline I.B.13): the bilateral code where the tabular list
has one, else the right and the left code; the plural of a paired body part tells both sides,
fingers and toes do not. Synthetic notes."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(statement: str) -> list[str]:
    note = f"ASSESSMENT:\n1. {statement}\nPLAN: Recheck in one month.\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize("statement", ["Bilateral hearing loss.", "Hearing loss, bilateral."])
def test_a_bilateral_code_is_one_code_not_right_and_left(statement: str) -> None:
    found = codes(statement)
    assert "H91.93" in found
    assert "H91.91" not in found and "H91.92" not in found


@pytest.mark.parametrize(
    ("statement", "pair"),
    [
        ("Abrasions of the knees.", ("S80.211A", "S80.212A")),
        ("Contusions of the forearms.", ("S50.11XA", "S50.12XA")),
    ],
)
def test_a_plural_paired_site_is_both_sides(statement: str, pair: tuple[str, str]) -> None:
    assert set(pair) <= set(codes(statement))


def test_one_side_stays_one_code() -> None:
    found = codes("Abrasion of the right knee.")
    assert "S80.211A" in found and "S80.212A" not in found


def test_several_fingers_are_not_both_hands() -> None:
    found = codes("Abrasions of the fingers.")
    assert len([c for c in found if c.startswith("S60.4")]) == 1


def _procedure_note(title: str) -> list[str]:
    note = (
        "PREOPERATIVE DIAGNOSIS: Meralgia paresthetica.\n\nPOSTOPERATIVE DIAGNOSIS: Same\n\n"
        f"PROCEDURE: {title}\n\n"
        "After verbal consent was obtained and the risks were explained, the patient was placed "
        "supine on the examination table with a pillow under the knees. "
        "Alcohol was used to clean the skin three times. "
        "A 25-gauge needle was advanced just medial to the anterior superior iliac spine until "
        "a fascial click was felt and the patient reported tingling in the thigh. "
        "Aspiration was negative, and the mixture was injected slowly.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_the_side_of_a_procedure_heading_line_with_the_narrative_under_it() -> None:
    # the PROCEDURE heading holds the narrative too: its short first line is the title
    assert "G57.12" in _procedure_note("Lateral femoral cutaneous nerve block, left.")


def test_a_procedure_heading_line_without_a_side_leaves_the_side_unspecified() -> None:
    assert "G57.10" in _procedure_note("Lateral femoral cutaneous nerve block.")


def _operative(preop: str, postop: str) -> list[str]:
    note = (
        f"PREOPERATIVE DIAGNOSIS: {preop}\nPOSTOPERATIVE DIAGNOSIS: {postop}\n"
        "PROCEDURE: Arthroscopic debridement of the shoulder.\n"
        "The patient was placed in the beach-chair position and the arthroscope introduced.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_the_preoperative_diagnosis_gives_the_side_of_the_same_diagnosis() -> None:
    found = _operative("Rotator cuff tear, left.", "Partial-thickness rotator cuff tear.")
    assert any(c.startswith("M75.1") and c.endswith("2") for c in found)


def test_the_preoperative_diagnosis_does_not_type_the_postoperative_one() -> None:
    # the operation found a partial tear: the preoperative "complete" is not read into it
    found = _operative("Complete rotator cuff tear, left.", "Rotator cuff tear.")
    assert "M75.122" not in found


def _repair(history: str) -> list[str]:
    note = (
        f"HISTORY: {history}\n"
        "PREOPERATIVE DIAGNOSIS: Laceration of the eyebrow.\n"
        "POSTOPERATIVE DIAGNOSIS: Laceration of the eyebrow.\n"
        "PROCEDURE: Layered repair of a 3 cm laceration.\n"
        "The wound was irrigated and closed in two layers with absorbable and nylon sutures.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_the_story_of_the_history_section_gives_the_side_of_the_same_injury() -> None:
    found = _repair(
        "A 30-year-old man fell against a table and sustained a laceration of the left eyebrow."
    )
    assert "S01.112A" in found


def test_a_prior_injury_on_one_side_does_not_side_todays() -> None:
    found = _repair(
        "He had a prior laceration of the right eyebrow years ago; he fell again today."
    )
    assert "S01.111A" not in found


def _knee_scope(history: str) -> list[str]:
    note = (
        f"HISTORY: {history}\n"
        "PREOPERATIVE DIAGNOSIS: Chondromalacia patella.\n"
        "POSTOPERATIVE DIAGNOSIS: Chondromalacia patella.\n"
        "PROCEDURE: Arthroscopic chondroplasty of the patella.\n"
        "The leg was placed in a knee holder and the arthroscope introduced anterolaterally.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_an_operative_history_gives_the_side_of_the_part_operated() -> None:
    found = _knee_scope("A 40-year-old woman with two years of left knee pain on stairs.")
    assert "M22.42" in found


def test_an_operative_history_naming_both_sides_of_the_part_gives_none() -> None:
    found = _knee_scope("Left knee pain on stairs; the right knee was scoped last year.")
    assert "M22.42" not in found and "M22.41" not in found


def _tubes(second_side: str) -> list[str]:
    note = (
        "PREOPERATIVE DIAGNOSIS: Chronic otitis media.\n"
        "POSTOPERATIVE DIAGNOSIS: Chronic otitis media.\n"
        "PROCEDURE: Myringotomy and tube placement.\n"
        "DESCRIPTION OF PROCEDURE: Under mask anesthesia the ear canal was cleaned of cerumen. "
        "A radial myringotomy was made and thick fluid was suctioned before a tube was placed. "
        f"{second_side}\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_a_procedure_repeated_on_the_opposite_side_is_both_sides() -> None:
    assert "H66.93" in _tubes("The same procedure was then performed on the opposite side.")


def test_the_other_side_only_protected_is_not_both_sides() -> None:
    assert "H66.93" not in _tubes("The other ear was not touched.")


def _lids(second_side: str) -> list[str]:
    note = (
        "PREOPERATIVE DIAGNOSIS: Dermatochalasis and brow ptosis.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Upper eyelid blepharoplasty.\n"
        "DESCRIPTION OF PROCEDURE: The crease was marked and an ellipse of skin and muscle was "
        "taken from the upper lid with scissors. A little fat was trimmed and the wound was "
        f"closed with a running suture. {second_side}\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize(
    "second_side",
    [
        "The whole sequence was then repeated on the fellow eyelid.",
        "This was then done on the other lid in the same way.",
    ],
)
def test_the_operation_repeated_on_the_fellow_lid_gives_both_lids(second_side: str) -> None:
    # the procedure coder's phrases for the second side count for the diagnoses too
    found = _lids(second_side)
    assert {"H02.831", "H02.834", "H57.813"} <= set(found)
    assert "H02.839" not in found and "H57.819" not in found


def test_one_lid_operated_keeps_the_unspecified_side() -> None:
    found = _lids("A patch was applied.")
    assert "H02.839" in found and "H02.834" not in found


def _eye(prep: str) -> list[str]:
    note = (
        "PREOPERATIVE DIAGNOSIS: Aphakia.\nPOSTOPERATIVE DIAGNOSIS: Aphakia.\n"
        "PROCEDURE: Secondary intraocular lens implantation.\n"
        f"DESCRIPTION OF PROCEDURE: {prep} A lid speculum was placed and a scleral tunnel was "
        "fashioned superiorly before the lens was sutured in place.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_the_shielded_other_eye_is_not_the_operated_side() -> None:
    found = _eye(
        "The left eye was prepped and draped in the usual sterile fashion after a shield "
        "and tape were placed over the right eye."
    )
    assert "H27.02" in found


def test_both_eyes_prepared_give_no_single_side() -> None:
    found = _eye("The right and left eyes were prepped and draped in the usual sterile fashion.")
    assert "H27.01" not in found and "H27.02" not in found
