"""The eval run's outputs for machines: the JSON report, streamed case results, JUnit XML."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from agentkit.errors import EvalError
from agentkit.evals.baseline import Comparison
from agentkit.evals.runner import CaseResult, SuiteResult

__all__ = ["ResultsWriter", "build_report", "iter_results", "write_json", "write_junit"]


class ResultsWriter:
    """Appends one JSON line per case as soon as it finishes (a crash keeps what was done)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh: IO[str] = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()

    def __call__(self, result: CaseResult) -> None:
        self._fh.write(json.dumps(result.as_json(), ensure_ascii=False, sort_keys=True) + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def iter_results(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def build_report(
    suite: SuiteResult,
    comparison: Comparison | None,
    *,
    baseline_path: Path | None,
    results_path: Path,
    tolerance: float,
) -> dict[str, Any]:
    latencies = sorted(suite.metrics.latencies)
    return {
        "spec": suite.spec,
        "spec_version": suite.spec_version,
        "fingerprint": suite.fingerprint,
        "route": suite.route,
        "repeat": suite.repeat,
        "started": dt.datetime.fromtimestamp(suite.started, dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(suite.seconds, 3),
        "cases": suite.cases,
        "passed": suite.cases - len(suite.failed_cases),
        "failed_cases": suite.failed_cases,
        "flaky_cases": suite.flaky,
        "metrics": suite.metrics.metrics(),
        "gate_metrics": suite.gate_metrics.metrics(),
        "tags": suite.metrics.tag_pass_rates(),
        "confusion": {
            k: [{"what": w, "count": n} for w, n in v] for k, v in suite.metrics.confusion().items()
        },
        "latency_s": {"p50": _pct(latencies, 0.5), "p95": _pct(latencies, 0.95)},
        "baseline": str(baseline_path) if baseline_path else None,
        "tolerance": tolerance,
        "comparison": comparison.as_json() if comparison else None,
        "results": str(results_path),
    }


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".report-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, ensure_ascii=False, sort_keys=True)
        fh.write("\n")
    os.chmod(tmp, 0o644)  # a CI artefact (mkstemp makes 0600)
    os.replace(tmp, path)


def write_junit(path: Path, report: dict[str, Any], results_path: Path) -> None:
    """One ``<testcase>`` per eval case, plus one for the baseline gate."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            suite = str(report["spec"])
            comparison = report.get("comparison") or {}
            gate_failed = bool(comparison.get("failed"))
            tests = int(report["cases"]) + 1
            failures = len(report["failed_cases"]) + int(gate_failed)
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            out.write(
                f'<testsuites><testsuite name={quoteattr("eval." + suite)} tests="{tests}" '
                f'failures="{failures}" time="{report["seconds"]}">\n'
            )
            for case in iter_results(results_path):
                name = quoteattr(str(case["id"]))
                out.write(
                    f"  <testcase classname={quoteattr('eval.' + suite)} name={name} "
                    f'time="{case.get("latency_s", 0)}">'
                )
                if not case["passed"]:
                    message = case.get("error") or "output differs from expected"
                    out.write(
                        f"<failure message={quoteattr(str(message)[:200])}>"
                        f"{escape(_case_diff_text(case))}</failure>"
                    )
                if case.get("flaky"):
                    out.write("<system-out>flaky: repeats disagreed</system-out>")
                out.write("</testcase>\n")
            out.write(f'  <testcase classname={quoteattr("eval." + suite)} name="baseline-gate">')
            if gate_failed:
                text = "\n".join(comparison.get("regressions", []))
                out.write(
                    f'<failure message="regression against the baseline">{escape(text)}</failure>'
                )
            out.write("</testcase>\n</testsuite></testsuites>\n")
    except OSError as exc:
        raise EvalError(f"cannot write JUnit file {path}: {exc}") from None


def _case_diff_text(case: dict[str, Any]) -> str:
    lines: list[str] = []
    if case.get("error"):
        lines.append(f"error: {case.get('error_class')}: {case['error']}")
    for name, fam in (case.get("families") or {}).items():
        if fam.get("passed"):
            continue
        lines.append(
            f"{name}: expected {' '.join(fam['expected']) or '-'}; "
            f"got {' '.join(fam['predicted']) or '-'}"
        )
        if fam.get("missed"):
            lines.append(f"  missed: {' '.join(fam['missed'])}")
        if fam.get("added"):
            lines.append(f"  added: {' '.join(fam['added'])}")
        if fam.get("primary_ok") is False and fam.get("predicted"):
            lines.append("  principal code is not first")
        lines.extend(f"  {d}" for d in fam.get("modifier_diffs", []) + fam.get("unit_diffs", []))
    lines.extend(case.get("field_diffs") or [])
    return "\n".join(lines)


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    k = min(len(values) - 1, max(0, round(q * (len(values) - 1))))
    return round(values[k], 4)
