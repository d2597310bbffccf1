"""Medicare Code Editor age and sex edits."""

from __future__ import annotations

from datetime import date

import pytest

from agentkit.coding import Claim, scrub

DOS = date(2024, 8, 1)


def age_sex(codes: str, sex: str | None = None, age: int | None = None) -> list[tuple[str, str]]:
    claim = Claim.from_codes("", dx=codes, date_of_service=DOS, sex=sex, age=age)
    return [(f.codes[0], f.source.rsplit(", ", 1)[-1]) for f in scrub(claim, ["age_sex"])]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("codes", "sex", "age", "expected"),
    [
        ("N40.0", "F", 70, [("N40.0", "male-only diagnosis")]),
        ("N40.0", "M", 70, []),
        ("C61", "female", None, [("C61", "male-only diagnosis")]),
        ("Z12.4", "M", 50, [("Z12.4", "female-only diagnosis")]),
        ("O80", "F", 70, [("O80", "maternity age edit")]),
        ("O80", "F", 30, []),
        ("O80", "M", 30, [("O80", "female-only diagnosis")]),
        ("Z00.129", "F", 40, [("Z00.129", "pediatric age edit")]),
        ("Z00.00", "F", 12, [("Z00.00", "adult age edit")]),
        ("A33", None, 5, [("A33", "newborn age edit")]),
        ("A33", None, 0, []),
        ("E11.9", "F", 54, []),
    ],
)
def test_age_and_sex_conflicts(
    codes: str, sex: str | None, age: int | None, expected: list[tuple[str, str]]
) -> None:
    assert age_sex(codes, sex, age) == expected


def test_no_patient_facts_no_findings() -> None:
    assert age_sex("N40.0, O80, Z00.129") == []


def test_message_and_source() -> None:
    claim = Claim.from_codes("", dx="K80.20, N40.0", date_of_service=DOS, sex="F", age=54)
    [f] = scrub(claim, ["age_sex"])
    assert f.path == "diagnoses[1].code"
    assert f.message.startswith("N40.0 applies only to male patients, but the patient is female")
    assert f.source == "Medicare Code Editor v41.1 (FY2024), male-only diagnosis"
