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
