"""Medically unlikely edits, with real values from the CMS practitioner table."""

from __future__ import annotations

from datetime import date

import pytest

from agentkit.coding import Claim, knowledge, scrub

DOS = date(2024, 8, 1)


def mue(codes: str, setting: str = "practitioner") -> list:  # type: ignore[type-arg]
    return scrub(Claim.from_codes(codes, date_of_service=DOS, setting=setting), ["mue"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("codes", "errors"),
    [
        ("11042, 11045x12", 0),  # MUE 12, MAI 3
        ("11042, 11045x13", 1),
        ("64483x1", 0),  # MUE 1, MAI 2
        ("64483x2", 1),
        ("64483-RT, 64483-LT", 1),  # MAI 2 totals the date, whatever the modifiers
        ("20610-RT, 20610-LT", 0),  # MUE 2, MAI 3
        ("20610-RT x2, 20610-LT", 1),
        ("J1100x120", 0),
        ("J1100x121", 1),
        ("A0425x250", 0),  # MUE 250, MAI 1: judged per line
        ("A0425x200, A0425x200", 0),
        ("A0425x251", 1),
        ("47562, 66984", 0),
    ],
)
def test_units_against_the_mue(codes: str, errors: int) -> None:
    found = mue(codes)
    assert len(found) == errors, found
    for f in found:
        assert f.severity == "error" and f.check == "mue"
        assert f.path is not None and f.path.endswith(".units")


def test_messages_cite_value_and_adjudication_indicator() -> None:
    [f] = mue("11042, 11045x13")
    assert "totals 13 units" in f.message and "allows 12" in f.message
    assert "appeal" in f.message  # MAI 3 is a clinical edit
    assert (
        f.source == "NCCI MUE practitioner 2024 Q3, MUE 12, MAI 3, date-of-service clinical edit: "
        "units above it need records on appeal"
    )
    [f] = mue("64483x2")
    assert "not paid" in f.message and "MAI 2" in (f.source or "")
    [f] = mue("A0425x251")
    assert "on one line" in f.message and "MAI 1" in (f.source or "")


def test_hospital_table_is_used_for_hospital_claims() -> None:
    kb = knowledge(DOS, "hospital")
    assert kb.mue is not None and kb.mue.version.setting == "hospital"
    entry = kb.mue.get("11045")
    assert entry is not None
    over = f"11042, 11045x{entry.value + 1}"
    [f] = mue(over, setting="hospital")
    assert f.source is not None and f.source.startswith("NCCI MUE hospital 2024 Q3")
