"""`agentkit eval`: the regression gate's exit codes for better, equal and worse runs."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import scripted_provider
from typer.testing import CliRunner

from agentkit.cli.app import app

runner = CliRunner()


def _eval(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["eval", *args])
    return result.exit_code, result.output


def _baseline(spec: Path) -> dict[str, object]:
    path = spec.parent.parent / "suites" / "mini_cpt" / "baseline.json"
    data: dict[str, object] = json.loads(path.read_text())
    return data


def _without(*keywords: str) -> None:
    for keyword in keywords:
        scripted_provider.RULES.pop(keyword)


def test_update_baseline_then_equal_run(mini_spec: Path) -> None:
    code, output = _eval(str(mini_spec), "--update-baseline")
    assert code == 0, output
    assert "4/5 cases pass" in output
    base = _baseline(mini_spec)
    assert base["spec"] == "mini_cpt" and base["provider"] == "keyword-coder"
    assert len(str(base["fingerprint"])) == 64
    assert base["cases"] == {
        "chole-001": "pass",
        "colon-biopsy-003": "pass",
        "colon-snare-002": "pass",
        "knee-004": "pass",
        "outage-005": "fail",
    }
    metrics = base["metrics"]
    assert isinstance(metrics, dict)
    assert metrics["failure_rate"] == 0.2 and metrics["review_rate"] == 0.25

    code, output = _eval(str(mini_spec))
    assert code == 0, output
    assert "equal to the baseline" in output
    assert "FAIL outage-005" in output
    assert "error: RouteExhausted" in output and "scripted outage" in output  # shown, not raised
    assert _baseline(mini_spec) == base  # the gate never rewrites the baseline


def test_worse_run_fails_the_gate(mini_spec: Path) -> None:
    assert _eval(str(mini_spec), "--update-baseline")[0] == 0
    _without("cold biopsy")
    code, output = _eval(str(mini_spec))
    assert code == 1, output
    assert "REGRESSION" in output
    assert "case colon-biopsy-003 passed in the baseline and fails now" in output
    assert "micro.recall fell" in output
    assert "- 45380" in output  # the per-case diff names the missed code


def test_better_run_passes_and_suggests_promotion(mini_spec: Path) -> None:
    _without("polyp")
    assert _eval(str(mini_spec), "--update-baseline")[0] == 0
    scripted_provider.RULES.update(scripted_provider.DEFAULT_RULES)
    code, output = _eval(str(mini_spec))
    assert code == 0, output
    assert "improved" in output and "--update-baseline" in output


def test_tolerance_lets_a_small_metric_drop_pass(mini_spec: Path) -> None:
    # baseline: the cold-biopsy line comes without its 59, so that case already fails
    scripted_provider.RULES["cold biopsy"] = ("procedures", "45380", [], 1, 0.9)
    assert _eval(str(mini_spec), "--update-baseline")[0] == 0
    _without("cold biopsy")  # same case still fails, but a correct code is now missed
    code, output = _eval(str(mini_spec))
    assert code == 1 and "procedures.micro.recall fell" in output
    code, output = _eval(str(mini_spec), "--tolerance", "0.3")
    assert code == 0, output


def test_reports_json_and_junit(mini_spec: Path, tmp_path: Path) -> None:
    assert _eval(str(mini_spec), "--update-baseline")[0] == 0
    _without("cold biopsy")
    report = tmp_path / "out" / "report.json"
    junit = tmp_path / "out" / "junit.xml"
    code, _ = _eval(str(mini_spec), "--report", str(report), "--junit", str(junit))
    assert code == 1
    data = json.loads(report.read_text())
    assert data["cases"] == 5 and data["passed"] == 3
    assert data["failed_cases"] == ["colon-biopsy-003", "outage-005"]
    assert data["comparison"]["failed"] is True
    assert data["comparison"]["newly_failing"] == ["colon-biopsy-003"]
    assert {"what": "procedures:45380", "count": 1} in data["confusion"]["missed"]
    results = [json.loads(line) for line in Path(data["results"]).read_text().splitlines()]
    assert len(results) == 5
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    assert suite.get("tests") == "6" and suite.get("failures") == "3"
    failed = {tc.get("name") for tc in suite.iter("testcase") if tc.find("failure") is not None}
    assert failed == {"colon-biopsy-003", "outage-005", "baseline-gate"}


def test_repeat_exposes_flaky_cases(mini_spec: Path, tmp_path: Path) -> None:
    cases = tmp_path / "flaky.jsonl"
    cases.write_text(
        json.dumps(
            {
                "id": "flaky-1",
                "input": {"note": "Laparoscopic cholecystectomy, coin toss."},
                "expected": {"procedures": [{"code": "47562"}]},
            }
        )
        + "\n"
    )
    report = tmp_path / "r.json"
    code, output = _eval(
        str(mini_spec), "--cases", str(cases), "--repeat", "4", "--report", str(report)
    )
    assert code == 0, output  # no baseline for this suite: nothing to gate
    assert "flaky" in output and "flaky-1" in output
    data = json.loads(report.read_text())
    assert data["flaky_cases"] == ["flaky-1"]
    assert data["failed_cases"] == ["flaky-1"]  # passes only if every repeat passes


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no_such_spec"], "no spec named"),
        (["{spec}", "--repeat", "0"], "--repeat"),
        (["{spec}", "--all"], "not both"),
        (["--all", "--cases", "x"], "with --all each"),
        (["{spec}", "--require-baseline"], "no baseline"),
        (["{spec}", "--provider", "nonesuch"], "unknown provider"),
        (["{spec}", "--cases", "{missing}"], "does not exist"),
    ],
)
def test_usage_errors_exit_2(
    mini_spec: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    args = [
        a.replace("{spec}", str(mini_spec)).replace("{missing}", str(tmp_path / "nope"))
        for a in args
    ]
    code, output = _eval(*args)
    assert code == 2, output
    assert message in output


def test_eval_runs_do_not_write_production_traces(
    mini_spec: Path, trace_dir: Path, tmp_path: Path
) -> None:
    code, _ = _eval(str(mini_spec))
    assert code == 0
    assert not list(trace_dir.glob("*.jsonl"))
    code, _ = _eval(str(mini_spec), "--trace-dir", str(tmp_path / "eval-traces"))
    assert code == 0
    from agentkit.trace.reader import TraceReader

    traced = list(TraceReader(tmp_path / "eval-traces").records())
    assert len(traced) == 5 and {r["spec"] for r in traced} == {"mini_cpt"}


def test_all_runs_every_spec_with_a_suite(
    mini_spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import agentkit.spec.resolve as resolve

    empty = tmp_path / "no-bundled-specs"
    empty.mkdir()
    monkeypatch.setattr(resolve, "bundled_specs_dir", lambda: empty)
    monkeypatch.chdir(mini_spec.parent.parent)  # ./specs holds mini_cpt.yaml
    code, output = _eval("--all", "--require-baseline")
    assert code == 2 and "no baseline" in output
    assert _eval("--all", "--update-baseline")[0] == 0
    code, output = _eval("--all", "--require-baseline", "--report", "out", "--junit", "junit")
    assert code == 0, output
    assert (Path("out") / "mini_cpt.json").is_file() and (Path("junit") / "mini_cpt.xml").is_file()
    _without("snare")
    code, output = _eval("--all")
    assert code == 1 and "regression" in output


def test_new_failing_cases_do_not_trip_the_gate_on_old_ones(mini_spec: Path) -> None:
    assert _eval(str(mini_spec), "--update-baseline")[0] == 0
    new_case = mini_spec.parent.parent / "suites" / "mini_cpt" / "cases" / "new-006.yaml"
    new_case.write_text(
        "input: {note: 'Diagnostic arthroscopy of the shoulder.'}\n"
        "expected: {procedures: [{code: '29805'}]}\n"
    )
    code, output = _eval(str(mini_spec))
    assert code == 0, output  # the 5 baseline cases are unchanged
    assert "1 case(s) are not in the baseline" in output
    assert "FAIL new-006" in output
    _without("snare")
    code, output = _eval(str(mini_spec))
    assert code == 1  # an old case getting worse still fails the gate
