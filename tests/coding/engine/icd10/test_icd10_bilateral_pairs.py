"""ICD-10-CM sides (guideline I.B.13): a condition told on both sides takes the category's
bilateral code where the tabular list has one, also when its title names the part in the
plural ("bilateral carotid arteries"), and also when the note codes it once for each side.
Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

HPI = (
    "HISTORY OF PRESENT ILLNESS: A 74-year-old man referred by his primary doctor after a neck "
    "duplex scan ordered for dizziness.\n"
)


def codes(assessment: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(HPI + "ASSESSMENT:\n" + assessment))]


def test_both_carotid_arteries_take_the_bilateral_code() -> None:
    assert codes("Bilateral carotid artery stenosis.\n") == ["I65.23"]
    assert codes("Stenosis of both internal carotid arteries, 50 to 69%.\n") == ["I65.23"]


def test_each_side_told_on_its_own_makes_the_bilateral_code() -> None:
    assert codes(
        "1. Right internal carotid stenosis of 70%.\n2. Left carotid stenosis of 40%.\n"
    ) == ["I65.23"]
    assert codes("1. Left carpal tunnel syndrome.\n2. Right carpal tunnel syndrome.\n") == [
        "G56.03"
    ]


def test_one_side_keeps_its_own_code() -> None:
    assert codes("Right carotid stenosis.\n") == ["I65.21"]
    assert codes("Left internal carotid artery stenosis of 80%.\n") == ["I65.22"]
    assert codes("Carotid stenosis.\n") == ["I65.29"]


def test_an_occluded_carotid_is_carotid_occlusion_and_pairs_with_the_other_side() -> None:
    assert codes("Occlusion of the left common carotid artery.\n") == ["I65.22"]
    assert codes(
        "1. Total occlusion of the right internal carotid artery.\n"
        "2. Mild stenosis of the left internal carotid artery.\n"
    ) == ["I65.23"]


def test_one_side_told_again_after_the_bilateral_code_is_not_coded_twice() -> None:
    found = codes(
        "1. Nuclear sclerotic cataracts of both eyes.\n"
        "2. Nuclear cataract of the left eye, the worse one, for surgery first.\n"
    )
    assert "H25.13" in found
    assert "H25.12" not in found
