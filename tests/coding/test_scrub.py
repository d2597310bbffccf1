"""The claim scrubber: every edit, per date of service, in one call."""

from __future__ import annotations

from datetime import date

import pytest

from agentkit.coding import Claim, ClaimLine, Diagnosis, scrub
from agentkit.coding.scrub import CHECKS

DOS = date(2024, 8, 1)


def test_a_clean_claim_has_no_findings() -> None:
    claim = Claim.from_codes("47562", dx="K80.20", date_of_service=DOS, sex="F", age=54)
    assert [f for f in scrub(claim) if f.severity != "info"] == []


def test_a_messy_claim_gets_one_finding_per_problem() -> None:
    claim = Claim.from_codes(
        "47562, 49320, 11045, 64483-50-RT, 99999",
        dx="E11, K80.20, N40.0",
        date_of_service=DOS,
        sex="F",
        age=54,
    )
    found = {(f.check, f.path, f.severity) for f in scrub(claim)}
    assert found == {
        ("ncci_ptp", "procedures[1].code", "error"),  # 49320 bundled into 47562 (indicator 0)
        ("ncci_ptp", "procedures[2].modifiers", "error"),  # 11045 into 47562 (indicator 1)
        ("ncci_ptp", "procedures[3].code", "error"),  # 64483 into 47562 (indicator 0)
        ("addon_has_primary", "procedures[2].code", "error"),
        ("modifiers_valid", "procedures[3].modifiers", "error"),
        ("codes_exist", "procedures[4].code", "warning"),
        ("icd10cm_valid", "diagnoses[0].code", "error"),
        ("age_sex", "diagnoses[2].code", "error"),
    }


def test_checks_can_be_selected_and_unknown_names_are_refused() -> None:
    claim = Claim.from_codes("47562, 49320", date_of_service=DOS)
    assert {f.check for f in scrub(claim, ["mue"])} == set()
    assert {f.check for f in scrub(claim, ["ncci_ptp"])} == {"ncci_ptp"}
    with pytest.raises(ValueError, match="unknown claim check"):
        scrub(claim, ["nope"])


def test_lines_on_different_dates_are_not_paired() -> None:
    claim = Claim(
        lines=(
            ClaimLine("47562", path="procedures[0].code", date_of_service=date(2024, 8, 1)),
            ClaimLine("49320", path="procedures[1].code", date_of_service=date(2024, 8, 5)),
        ),
        diagnoses=(Diagnosis("K80.20", "diagnoses[0].code"),),
    )
    assert scrub(claim, ["ncci_ptp"]) == []
    same_day = Claim(
        lines=tuple(ClaimLine(ln.code, path=ln.path) for ln in claim.lines), date_of_service=DOS
    )
    assert len(scrub(same_day, ["ncci_ptp"])) == 1


def test_every_check_name_is_documented() -> None:
    assert set(CHECKS) == {
        "codes_exist",
        "icd10cm_valid",
        "ncci_ptp",
        "mue",
        "addon_has_primary",
        "modifiers_valid",
        "excludes1",
        "age_sex",
        "medical_necessity",
    }
    for reask, description in CHECKS.values():
        assert isinstance(reask, bool) and description


def test_empty_claim() -> None:
    assert scrub(Claim(date_of_service=DOS)) == []
