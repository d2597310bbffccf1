"""``agentkit check`` and ``agentkit codes``: the claim scrubber CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agentkit.cli.app import app

runner = CliRunner()
ENV = {"COLUMNS": "120", "NO_COLOR": "1"}


@pytest.fixture(autouse=True)
def _coding_dir(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv("AGENTKIT_CODING_DIR", str(tmp_path_factory.getbasetemp() / "coding-cli"))


def check(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", *args], env=ENV)
    return result.exit_code, result.output


def test_bundled_pair_is_an_error_with_exit_1() -> None:
    code, out = check("--codes", "47562,49320", "--dos", "2024-08-01", "--dx", "K80.20")
    assert code == 1
    assert "ERROR" in out and "ncci_ptp" in out and "procedures[1].code" in out
    assert "49320 is not reported with 47562" in out
    assert "modifier indicator" in out
    assert "1 error, 0 warnings" in out


def test_clean_claim_exits_0() -> None:
    code, out = check(
        "--codes", "47562", "--dx", "K80.20", "--dos", "2024-08-01", "--sex", "F", "--age", "54"
    )
    assert code == 0, out
    assert "0 errors, 0 warnings - the claim passes every edit" in out


def test_warnings_alone_exit_0() -> None:
    code, out = check("--codes", "99999", "--dos", "2024-08-01")
    assert code == 0 and "not in the loaded CPT codebook" in out and "1 warning" in out


def test_coder_shorthand_modifiers_and_units() -> None:
    code, out = check(
        "--codes", "29881-RT 20610-59-LT 11045x2 64483-50", "--dos", "2024-08-01", "--all"
    )
    assert code == 1
    assert "11045 is an add-on code" in out
    assert "64483 is not reported with 29881" in out
    assert "INFO" in out  # --all shows edits bypassed by 59 on 20610


def test_notes_are_hidden_unless_asked() -> None:
    code, out = check("--codes", "20610, 99213-25", "--dos", "2024-08-01")
    assert code == 0 and "1 note hidden (--all shows them)" in out and "INFO" not in out


def test_sex_and_age_edits() -> None:
    code, out = check(
        "--codes", "99213", "--dx", "N40.0", "--sex", "F", "--age", "54", "--dos", "2024-08-01"
    )
    assert code == 1 and "applies only to male patients" in out


def test_hospital_setting() -> None:
    code, out = check(
        "--codes", "00142,99213-25", "--dos", "2024-08-01", "--setting", "hospital", "--json"
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["claim"]["setting"] == "hospital"
    assert doc["versions"]["ncci_ptp"] == "NCCI PTP hospital 2024 Q3 (v30.2, bundled subset)"


def test_json_output() -> None:
    code, out = check("--codes", "47562,49320", "--dos", "2024-08-01", "--dx", "K80.20", "--json")
    assert code == 1
    doc = json.loads(out)
    assert doc["errors"] == 1 and doc["warnings"] == 0
    [finding] = doc["findings"]
    assert finding["check"] == "ncci_ptp" and finding["path"] == "procedures[1].code"
    assert finding["codes"] == ["47562", "49320"]
    assert (
        finding["source"]
        == "NCCI PTP practitioner 2024 Q3 (v30.2, bundled subset), modifier indicator 0"
    )
    assert doc["claim"]["procedures"] == ["47562", "49320"]
    assert "ICD-10-CM FY2026 (April 1, 2026 update)" in doc["stale"]


def test_only_runs_the_named_checks() -> None:
    code, out = check(
        "--codes",
        "47562,49320,11045",
        "--dos",
        "2024-08-01",
        "--only",
        "addon_has_primary",
        "--json",
    )
    assert code == 1
    assert {f["check"] for f in json.loads(out)["findings"]} == {"addon_has_primary"}


def test_claim_json_file(tmp_path: Path) -> None:
    path = tmp_path / "claim.json"
    path.write_text(
        json.dumps(
            {
                "date_of_service": "2024-08-01",
                "patient": {"sex": "male", "age": 61},
                "procedures": [
                    {"code": "45385", "modifiers": []},
                    {"code": "45380", "modifiers": ["XS"]},
                ],
                "diagnoses": ["K63.5", "Z12.11"],
            }
        ),
        encoding="utf-8",
    )
    code, out = check(str(path))
    assert code == 0, out
    code, out = check(str(path), "--json", "--all")
    assert code == 0 and json.loads(out)["findings"][0]["severity"] == "info"
    # options override the file
    code, out = check(str(path), "--dos", "2015-06-01", "--json")
    assert json.loads(out)["claim"]["date_of_service"] == "2015-06-01"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give a claim JSON file or --codes"),
        (("--codes", "4756"), "is not a procedure code as coders write it"),
        (("--codes", "47562", "--dos", "2024-13-01"), "is not a date"),
        (("--codes", "47562", "--setting", "office"), "practitioner or hospital"),
        (("--codes", "47562", "--sex", "X"), "use F or M"),
        (("--codes", "47562", "--only", "ncci"), "unknown check"),
        (("claim.json", "--codes", "47562"), "not both"),
        (("missing.json",), "cannot be read"),
    ],
)
def test_bad_usage_exits_2_with_a_clear_message(args: tuple[str, ...], message: str) -> None:
    result = runner.invoke(app, ["check", *args], env=ENV)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_claim_json_on_standard_input() -> None:
    doc = {
        "date_of_service": "2024-08-01",
        "procedures": ["47562", "49320"],
        "diagnoses": ["K80.20"],
    }
    result = runner.invoke(app, ["check", "-", "--json"], input=json.dumps(doc), env=ENV)
    assert result.exit_code == 1
    assert [f["check"] for f in json.loads(result.output)["findings"]] == ["ncci_ptp"]
    result = runner.invoke(app, ["check", "-"], input="{not json", env=ENV)
    assert result.exit_code == 2 and "<stdin>:1: not valid JSON" in result.output


def test_bad_claim_json_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "claim.json"
    path.write_text('{"procedures": [{"code": "47562", "units": 0}]}', encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)], env=ENV)
    assert result.exit_code == 2 and "units" in result.output


# ---------------------------------------------------------------------------------- codes


def test_codes_lookup() -> None:
    result = runner.invoke(
        app, ["codes", "lookup", "47562", "K80.20", "E11", "J1030", "59"], env=ENV
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Laparoscopic cholecystectomy" in out
    assert "K80.20 (billable)" in out and "E11 (header, not billable)" in out
    assert "terminated 2024-03-31" in out and "distinct_service" in out
    result = runner.invoke(app, ["codes", "lookup", "ZZZ99"], env=ENV)
    assert result.exit_code == 1 and "unknown" in result.output


def test_codes_import_and_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENTKIT_CODING_DIR", str(tmp_path / "store"))
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "coding" / "ccipra-v322r0-f1.txt"
    result = runner.invoke(app, ["codes", "import", "ncci-ptp", str(fixture)], env=ENV)
    assert result.exit_code == 0, result.output
    assert "NCCI PTP practitioner 2026 Q3" in result.output and "18 edits" in result.output
    result = runner.invoke(app, ["codes", "list", "--dos", "2026-08-01"], env=ENV)
    assert result.exit_code == 0
    assert (
        "NCCI PTP practitioner 2026 Q3" in result.output and "Imported data sets" in result.output
    )
    code, out = check("--codes", "0001U,0030U", "--dos", "2026-08-01")
    assert code == 1 and "NCCI PTP practitioner 2026 Q3, modifier indicator 1" in out
    label = "NCCI PTP practitioner 2026 Q3"
    result = runner.invoke(
        app, ["codes", "remove", "ncci_ptp", label, "--setting", "practitioner"], env=ENV
    )
    assert result.exit_code == 0 and "removed" in result.output
    result = runner.invoke(
        app, ["codes", "remove", "ncci_ptp", label, "--setting", "practitioner"], env=ENV
    )
    assert result.exit_code == 2 and "no imported" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("codes", "import", "ncci-xyz", "f.txt"), "unknown kind"),
        (("codes", "import", "ncci-ptp", "nope.txt"), "is not a file"),
        (("codes", "list", "--dos", "tomorrow"), "is not a date"),
    ],
)
def test_codes_bad_usage(args: tuple[str, ...], message: str) -> None:
    result = runner.invoke(app, list(args), env=ENV)
    assert result.exit_code == 2 and message in result.output
