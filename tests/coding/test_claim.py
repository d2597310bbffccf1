"""The claim model, coder shorthand and the claim JSON format."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentkit.coding import (
    Claim,
    ClaimLine,
    Diagnosis,
    code_system,
    parse_code_list,
    parse_code_token,
)
from agentkit.coding.claim import normalize_dx, normalize_sex
from agentkit.coding.claim_file import claim_from_dict, load_claim
from agentkit.errors import DataFileError
from agentkit.types import HCPCS_PATTERN, ICD10CM_PATTERN

DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

cpt_codes = st.builds(
    lambda body, last: body + last,
    st.text(DIGITS, min_size=4, max_size=4),
    st.sampled_from([*DIGITS, "A", "F", "M", "T", "U"]),
)
hcpcs_codes = st.from_regex(HCPCS_PATTERN, fullmatch=True)
modifiers = st.text(DIGITS + UPPER, min_size=2, max_size=2)
icd_codes = st.from_regex(ICD10CM_PATTERN, fullmatch=True).filter(lambda c: "." not in c[:3])


@pytest.mark.parametrize(
    ("token", "code", "mods", "units"),
    [
        ("47562", "47562", (), 1),
        ("29881-RT", "29881", ("RT",), 1),
        ("11045x2", "11045", (), 2),
        ("11045X2", "11045", (), 2),
        ("64483-50", "64483", ("50",), 1),
        ("20610-59-LT", "20610", ("59", "LT"), 1),
        ("20610-xs", "20610", ("XS",), 1),
        ("20610-59-LTx3", "20610", ("59", "LT"), 3),
        ("j1100x4", "J1100", (), 4),
        ("0591T", "0591T", (), 1),
        ("0001U", "0001U", (), 1),
    ],
)
def test_coder_shorthand(token: str, code: str, mods: tuple[str, ...], units: int) -> None:
    line = parse_code_token(token)
    assert (line.code, line.modifiers, line.units) == (code, mods, units)


@pytest.mark.parametrize(
    "token", ["4756", "475623", "29881-R", "29881--RT", "11045x", "11045x0", "X1234", "hello"]
)
def test_unreadable_tokens_are_refused_with_an_example(token: str) -> None:
    with pytest.raises(ValueError, match=r"as coders write it|units must be"):
        parse_code_token(token)


def test_code_lists_split_on_commas_spaces_and_keep_spaced_units() -> None:
    lines = parse_code_list("47562, 49320-59;11045 x2  J1100")
    assert [ln.display() for ln in lines] == ["47562", "49320-59", "11045x2", "J1100"]


@given(code=cpt_codes, mods=st.lists(modifiers, max_size=4), units=st.integers(1, 999))
def test_cpt_shorthand_round_trips(code: str, mods: list[str], units: int) -> None:
    line = parse_code_token(ClaimLine(code, tuple(mods), units).display().replace(" ", ""))
    assert (line.code, line.modifiers, line.units) == (code, tuple(mods), units)
    assert code_system(code) == "cpt"


@given(code=hcpcs_codes, units=st.integers(1, 50))
def test_hcpcs_shorthand_round_trips(code: str, units: int) -> None:
    line = parse_code_token(f"{code.lower()}x{units}")
    assert line.code == code and line.units == units
    assert code_system(code) == "hcpcs"


@given(code=icd_codes)
def test_icd_normalisation_is_idempotent_and_dotted(code: str) -> None:
    once = normalize_dx(code.lower())
    assert normalize_dx(once) == once
    assert once.replace(".", "") == code.replace(".", "")
    assert ("." in once) == (len(once.replace(".", "")) > 3)
    assert re.match(r"^[A-Z][0-9A][0-9A-Z](\.[0-9A-Z]{1,4})?$", once)


@given(text=st.text(max_size=8))
def test_code_system_never_raises(text: str) -> None:
    assert code_system(text) in ("cpt", "hcpcs", "unknown")


def test_malformed_diagnosis_is_kept_and_flagged_not_raised() -> None:
    dx = Diagnosis("K80.2.0")
    assert not dx.well_formed and dx.code == "K80.2.0"
    assert Diagnosis("k8020").code == "K80.20" and Diagnosis("k8020").well_formed


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("F", "F"),
        ("female", "F"),
        ("Male", "M"),
        ("m", "M"),
        ("unknown", None),
        (None, None),
        ("", None),
    ],
)
def test_sex_normalisation(value: str | None, expected: str | None) -> None:
    assert normalize_sex(value) == expected


def test_from_codes_sets_output_paths() -> None:
    claim = Claim.from_codes("47562, 49320-59", dx="K80.20,E11.9", sex="female", age=54)
    assert [ln.path for ln in claim.lines] == ["procedures[0].code", "procedures[1].code"]
    assert claim.lines[1].modifiers_path == "procedures[1].modifiers"
    assert claim.lines[1].units_path == "procedures[1].units"
    assert [d.path for d in claim.diagnoses] == ["diagnoses[0].code", "diagnoses[1].code"]
    assert claim.sex == "F" and claim.age == 54


def test_root_level_code_path_siblings() -> None:
    assert ClaimLine("99213", path="code").modifiers_path == "modifiers"


def test_claim_json_accepts_objects_and_shorthand(tmp_path: Path) -> None:
    path = tmp_path / "claim.json"
    path.write_text(
        json.dumps(
            {
                "date_of_service": "2024-08-01",
                "setting": "hospital",
                "patient": {"sex": "female", "age": 54},
                "procedures": [
                    {"code": "47562", "modifiers": [], "units": 1, "diagnosis_pointers": [1]},
                    "49320-59",
                    {"code": 99213, "modifiers": "25", "evidence": "ignored"},
                ],
                "diagnoses": ["k8020", {"code": "E11.9", "confidence": 0.9}],
            }
        ),
        encoding="utf-8",
    )
    claim = load_claim(path)
    assert claim.setting == "hospital" and claim.date_of_service == date(2024, 8, 1)
    assert [ln.display() for ln in claim.lines] == ["47562", "49320-59", "99213-25"]
    assert claim.lines[0].diagnosis_pointers == (1,)
    assert [d.code for d in claim.diagnoses] == ["K80.20", "E11.9"]
    assert claim.sex == "F"


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ([], "JSON object"),
        ({"procedures": [{"modifiers": []}]}, "procedures.0"),
        ({"procedures": [{"code": "47562", "units": 0}]}, "units"),
        ({"procedures": ["4756"]}, "as coders write it"),
        ({"setting": "office"}, "setting"),
        ({"date_of_service": "2024-13-01"}, "date_of_service"),
    ],
)
def test_claim_json_errors_name_the_field(doc: object, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        claim_from_dict(doc, "claim.json")


def test_run_results_and_top_level_codes_are_accepted() -> None:
    result = {
        "spec": "cpt_coding",
        "status": "accepted",
        "output": {"procedures": [{"code": "47562", "modifiers": [], "units": 1}], "diagnoses": []},
        "findings": [],
    }
    claim = claim_from_dict(result)
    assert [ln.code for ln in claim.lines] == ["47562"] and claim.lines[
        0
    ].path == "procedures[0].code"
    em = claim_from_dict({"code": "99214", "patient_status": "established"})
    assert [ln.code for ln in em.lines] == ["99214"]


def test_claim_json_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "procedures": [\n    "47562",\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad.json:4: not valid JSON"):
        load_claim(path)
