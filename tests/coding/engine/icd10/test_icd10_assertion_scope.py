"""ICD-10-CM assertion scope (guideline IV.H for outpatient doubt; a condition the note rules
out is not coded): a cue is bound to its own clause, so the diagnosis ruled out is dropped
and the affirmed neighbour is still coded. Synthetic notes written for these tests."""

from __future__ import annotations

import pytest

from agentkit.coding.engine.coder import code_cpt


def codes(assessment: str) -> list[str]:
    note = "HISTORY OF PRESENT ILLNESS: Seen in clinic today.\n\nASSESSMENT: " + assessment + "\n"
    return sorted(d["code"] for d in code_cpt(note)["diagnoses"])


@pytest.mark.parametrize(
    ("assessment", "expected"),
    [
        # a bare "excluded" after the diagnosis denies it, as "was excluded" does
        ("Persistent cough. Pneumonia excluded.", ["R05.9"]),
        ("Flank pain. Kidney stone excluded on imaging.", ["R10.A0"]),
    ],
)
def test_a_diagnosis_told_as_excluded_is_not_coded(assessment: str, expected: list[str]) -> None:
    got = codes(assessment)
    assert "J18.9" not in got
    assert "N20.0" not in got
    assert got == expected


@pytest.mark.parametrize(
    ("assessment", "expected"),
    [
        ("Pneumonia unlikely, viral upper respiratory infection.", ["J06.9"]),
        ("Appendicitis not likely, acute gastroenteritis.", ["K52.9"]),
    ],
)
def test_a_doubt_ending_its_clause_does_not_reach_the_next_diagnosis(
    assessment: str, expected: list[str]
) -> None:
    assert codes(assessment) == expected


def test_a_denial_opening_a_list_still_runs_through_it() -> None:
    # "no" opens its phrase and reads on through the list after it; the diagnosis stays
    assert codes("Otitis media, no fever, cough or pneumonia.") == ["H66.90"]


@pytest.mark.parametrize(
    ("assessment", "expected"),
    [
        ("Chest pain, myocardial infarction ruled out.", ["R07.9"]),
        ("Acute gastroenteritis, appendicitis ruled out.", ["K52.9"]),
        ("Abdominal pain, appendicitis was excluded by CT.", ["R10.9"]),
        ("Knee pain, fracture ruled out by x-ray.", ["M25.569"]),
    ],
)
def test_a_diagnosis_ruled_out_in_its_own_clause_leaves_the_one_before(
    assessment: str, expected: list[str]
) -> None:
    assert codes(assessment) == expected


def test_a_cue_right_after_the_comma_still_describes_the_diagnosis_before() -> None:
    # "Otitis media, resolved" / "..., now resolved": the condition itself is gone
    assert codes("Left otitis media, resolved. Allergic rhinitis.") == ["J30.9"]
    assert codes("Left otitis media, now resolved. Allergic rhinitis.") == ["J30.9"]


def test_a_list_joined_by_or_carries_the_after_cue_back_over_its_commas() -> None:
    assert codes("Dyspepsia. Gastritis, ulcer or mass not seen.") == ["R10.13"]
