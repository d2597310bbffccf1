"""Add-on codes need a primary code, by NCCI add-on edit type."""

from __future__ import annotations

from datetime import date

import pytest

from agentkit.coding import Claim, scrub

DOS = date(2024, 8, 1)


def addon(codes: str) -> list:  # type: ignore[type-arg]
    return scrub(Claim.from_codes(codes, date_of_service=DOS), ["addon_has_primary"])


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        # type 1: only the listed primaries
        ("11045", ["error"]),
        ("11042, 11045", []),
        ("11043, 11045", ["error"]),  # 11043 is not a listed primary of 11045
        ("99292", ["error"]),
        ("99291, 99292", []),
        ("64484", ["error"]),
        ("64483, 64484", []),
        ("22612, 22614", []),
        ("17003", ["error"]),
        ("17000, 17003", []),
        ("96360, 96375", []),
        ("96372, 96375", ["error"]),
        # type 2: contractor-defined primaries (CCCCC): any procedure may do
        ("76937", ["error"]),
        ("36556, 76937", []),
        # type 3: listed primaries, others possible: a warning when another service is there
        ("88342, 88311", ["warning"]),
        ("88311", ["error"]),
        ("88305, 88311", []),
        ("47562, 49327", []),
    ],
)
def test_add_on_primaries(codes: str, expected: list[str]) -> None:
    found = addon(codes)
    assert [f.severity for f in found] == expected, found


def test_message_lists_primaries_and_points_at_the_add_on_line() -> None:
    [f] = addon("47562, 11045")
    assert f.path == "procedures[1].code"
    assert "11045 is an add-on code" in f.message and "(11042)" in f.message
    assert f.codes[:2] == ("11045", "11042")
    assert f.source == "NCCI add-on code edits 2024 Q2, add-on edit type 1"


def test_primary_on_another_date_does_not_count() -> None:
    from agentkit.coding import ClaimLine

    claim = Claim(
        lines=(
            ClaimLine("11042", path="procedures[0].code", date_of_service=date(2024, 8, 1)),
            ClaimLine("11045", path="procedures[1].code", date_of_service=date(2024, 8, 2)),
        )
    )
    [f] = scrub(claim, ["addon_has_primary"])
    assert f.path == "procedures[1].code"
