"""ICD-10-CM edits: existence, billable codes, 7th characters, sequencing and Excludes1."""

from __future__ import annotations

from datetime import date

import pytest

from agentkit.coding import Claim, scrub

DOS = date(2026, 5, 1)  # inside the bundled FY2026 April tabular


def dx(codes: str, checks: list[str], **patient: object) -> list:  # type: ignore[type-arg]
    return scrub(Claim.from_codes("", dx=codes, date_of_service=DOS, **patient), checks)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        ("K80.29", "not a valid ICD-10-CM code"),
        ("S02.0A", "Did you mean S02.0XXA"),
        ("K80.2.0", "is not an ICD-10-CM code"),
    ],
)
def test_invalid_codes_are_errors(codes: str, message: str) -> None:
    [f] = dx(codes, ["codes_exist"])
    assert f.severity == "error" and message in f.message
    assert f.path == "diagnoses[0].code"
    assert f.source == "ICD-10-CM FY2026 (April 1, 2026 update)"


@pytest.mark.parametrize(
    "codes", ["K80.20", "E11.9", "S72.001A", "S02.0XXA", "Z79.4", "I10", "QA0.0101"]
)
def test_valid_codes_pass(codes: str) -> None:
    assert dx(codes, ["codes_exist", "icd10cm_valid"]) == []


def test_category_header_is_not_billable_and_suggests_codes() -> None:
    [f] = dx("E11", ["icd10cm_valid"])
    assert f.severity == "error" and "category header" in f.message
    assert "E11.00" in f.message and "E11.00" in f.codes


def test_missing_seventh_character() -> None:
    [f] = dx("S72.001", ["icd10cm_valid"])
    assert "7th character" in f.message and "A initial encounter for closed fracture" in f.message
    assert "S72.001A" in f.message
    [f] = dx("S02.0", ["icd10cm_valid"])
    assert "S02.0XXA" in f.message  # placeholder X shown


def test_manifestation_code_cannot_be_first_listed() -> None:
    [f] = dx("G63, E11.42", ["icd10cm_valid"])
    assert f.path == "diagnoses[0].code" and "manifestation" in f.message
    assert "code first" in f.message
    assert dx("E11.42, G63", ["icd10cm_valid"]) == []


@pytest.mark.parametrize(
    ("codes", "pair", "where"),
    [
        ("E11.9, E10.9", ("E11.9", "E10.9"), "E11"),
        ("E10.9, E11.9", ("E10.9", "E11.9"), "E10"),
        ("K80.20, K80.10", None, None),  # not excluded from each other
        ("E11.9, I10", None, None),
        ("E11.9, O24.410", ("E11.9", "O24.410"), "E11"),
        ("F32.9, F33.1", ("F32.9", "F33.1"), "F32"),
        ("M54.50, M54.41", ("M54.50", "M54.41"), "M54.5"),
        ("K50.90, K51.90", ("K50.90", "K51.90"), "K50"),
        ("I10, P29.2", ("I10", "P29.2"), "I10-I1A"),  # a section-level note
    ],
)
def test_excludes1(codes: str, pair: tuple[str, str] | None, where: str | None) -> None:
    found = dx(codes, ["excludes1"])
    if pair is None:
        assert found == []
        return
    assert len(found) == 1, found
    f = found[0]
    assert f.codes == pair and f.severity == "error"
    assert f.source == f"ICD-10-CM FY2026 (April 1, 2026 update), Excludes1 at {where}"
    assert f.path == "diagnoses[1].code"
    assert "(E10.-)" in f.message or where != "E11" or "O24" in codes


def test_excludes1_pair_reported_once() -> None:
    # E10 and E11 each exclude the other; one finding for the pair
    assert len(dx("E10.9, E11.9", ["excludes1"])) == 1


def test_a_header_and_its_child_share_one_finding_per_note() -> None:
    found = dx("E11, E11.9, E10.9", ["excludes1"])
    at_e11 = [f for f in found if f.source.endswith("Excludes1 at E11")]
    assert len(at_e11) == 1 and at_e11[0].codes == ("E11", "E10.9")


def test_stale_tabular_says_so_in_the_message() -> None:
    found = scrub(
        Claim.from_codes("", dx="K80.29", date_of_service=date(2027, 1, 15)), ["codes_exist"]
    )
    assert len(found) == 1 and found[0].severity == "error"
    assert "does not cover 2027-01-15" in found[0].message


@pytest.mark.parametrize(
    ("codes", "pair"),
    [
        ("N81.6, N99.3", ("N81.6", "N99.3")),  # rectocele and post-hysterectomy vault prolapse
        ("J96.00, J80", ("J96.00", "J80")),  # respiratory failure and ARDS
        ("G56.01, M54.12", ("G56.01", "M54.12")),  # carpal tunnel and cervical radiculopathy
    ],
)
def test_excludes1_pair_that_may_be_unrelated_is_a_warning(
    codes: str, pair: tuple[str, str]
) -> None:
    # guideline I.A.12.a: two unrelated conditions are reported together; only the note tells
    [f] = dx(codes, ["excludes1"])
    assert f.severity == "warning" and f.codes == pair
    assert "unrelated" in f.message and "I.A.12.a" in f.message


@pytest.mark.parametrize(
    "codes",
    [
        "B97.4, J21.0",  # the organism of the condition, not another condition
        "E11.9, O24.410",  # the pregnancy form of the same condition
        "K50.90, K51.90",  # one block: one condition
    ],
)
def test_excludes1_pair_of_one_condition_stays_an_error(codes: str) -> None:
    [f] = dx(codes, ["excludes1"])
    assert f.severity == "error"


def test_acute_and_chronic_forms_are_not_flagged() -> None:
    # guideline I.B.8 codes both, whatever the "sinusitis NOS" Excludes1 note says
    assert dx("J32.9, J01.90", ["excludes1"]) == []
    assert dx("J01.90, J32.9", ["excludes1"]) == []
