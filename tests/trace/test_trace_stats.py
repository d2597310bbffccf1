"""`agentkit traces stats`: per spec version counts, rates, check failures, usage, latency."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from agentkit.cli.app import app
from agentkit.trace.stats import compute_stats
from agentkit.trace.store import TraceStore

runner = CliRunner()


def _call(
    i: int,
    version: str,
    status: str,
    codes: list[str],
    latency: float,
    findings: list[dict[str, str]] | None = None,
    day: str = "2025-03-14",
) -> dict[str, object]:
    return {
        "kind": "call",
        "id": f"c{i}",
        "time": f"{day}T10:00:00+00:00",
        "spec": "cpt_coding",
        "spec_version": version,
        "status": status,
        "review": {"decision": "needs_review" if status == "needs_review" else "auto_accepted"},
        "output": {"procedures": [{"code": c} for c in codes]},
        "findings": findings or [],
        "provider": "local",
        "latency_s": latency,
        "usage": {
            "input_tokens": 100,
            "output_tokens": 10,
            "cost_usd": 0.001,
            "latency_s": latency,
        },
    }


def _event(
    trace: str, action: str, before: list[str], after: list[str], version: str
) -> dict[str, object]:
    return {
        "kind": "review",
        "id": f"e-{trace}",
        "time": "2025-03-14T11:00:00+00:00",
        "trace_id": trace,
        "action": action,
        "reviewer": "ann",
        "before": before,
        "after": after,
        "spec": "cpt_coding",
        "spec_version": version,
    }


def _fill(directory: Path) -> None:
    day1 = TraceStore(directory, clock=lambda: dt.datetime(2025, 3, 14, tzinfo=dt.UTC))
    err = {"check": "ncci_ptp", "severity": "error", "message": "bundled"}
    warn = {"check": "mue", "severity": "warning", "message": "units"}
    day1.append_many(
        [
            _call(1, "1.0.0", "accepted", ["47562"], 0.1),
            _call(2, "1.0.0", "needs_review", ["47562", "49320"], 0.2, [err]),
            _call(3, "1.0.0", "needs_review", ["45380"], 0.3, [err, warn]),
            _call(4, "1.0.0", "failed", [], 0.4),
            _call(5, "1.1.0", "accepted", ["45385"], 1.0),
            _event("c2", "override", ["47562", "49320"], ["47562"], "1.0.0"),
            _event("c3", "accept", ["45380"], ["45380"], "1.0.0"),
        ]
    )
    day2 = TraceStore(directory, clock=lambda: dt.datetime(2025, 3, 20, tzinfo=dt.UTC))
    day2.append(_call(6, "1.1.0", "needs_review", ["45385"], 2.0, day="2025-03-20"))


def test_stats_per_spec_version(tmp_path: Path) -> None:
    _fill(tmp_path)
    result = compute_stats(tmp_path)
    v1, v11 = (g.as_json() for g in result.groups)
    assert (v1["spec_version"], v11["spec_version"]) == ("1.0.0", "1.1.0")
    assert v1["calls"] == 4 and v1["auto_accepted"] == 1 and v1["needs_review"] == 2
    assert v1["failed"] == 1
    assert v1["auto_accept_rate"] == 0.25
    assert v1["reviewed"] == 2 and v1["overridden"] == 1 and v1["override_rate"] == 0.5
    per_code = {
        row["code"]: (row["overridden"], row["reviewed"]) for row in v1["override_rate_per_code"]
    }
    assert per_code == {"49320": (1, 1), "47562": (0, 1), "45380": (0, 1)}
    assert v1["override_rate_per_code"][0]["code"] == "49320"  # most overridden first
    assert v1["check_failures"] == {"ncci_ptp (error)": 2, "mue (warning)": 1}
    assert v1["input_tokens"] == 400 and v1["output_tokens"] == 40
    assert abs(v1["cost_usd"] - 0.004) < 1e-9
    assert v1["latency_p50_s"] == 0.3 and v1["latency_p95_s"] == 0.4
    assert v11["calls"] == 2 and v11["latency_p95_s"] == 2.0


def test_since_and_spec_filters(tmp_path: Path) -> None:
    _fill(tmp_path)
    late = compute_stats(tmp_path, since=dt.date(2025, 3, 15))
    assert [(g.spec_version, g.calls) for g in late.groups] == [("1.1.0", 1)]
    assert compute_stats(tmp_path, spec="em_level").groups == []


def test_stats_cli_table_and_json(tmp_path: Path) -> None:
    _fill(tmp_path)
    result = runner.invoke(app, ["traces", "stats", "--dir", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [g["calls"] for g in data["specs"]] == [4, 2]
    table = runner.invoke(
        app,
        [
            "traces",
            "stats",
            "--dir",
            str(tmp_path),
            "--spec",
            "cpt_coding",
            "--since",
            "2025-03-01",
        ],
    )
    assert table.exit_code == 0
    assert "cpt_coding" in table.output and "49320" in table.output and "ncci_ptp" in table.output
    bad = runner.invoke(app, ["traces", "stats", "--dir", str(tmp_path), "--since", "March"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_stats_reports_and_skips_a_torn_tail(tmp_path: Path) -> None:
    _fill(tmp_path)
    with open(tmp_path / "2025-03-20.jsonl", "ab") as fh:
        fh.write(b'{"kind":"call","id":"c7","spec":"cpt_co')
    result = compute_stats(tmp_path)
    assert sum(g.calls for g in result.groups) == 6
    assert len(result.damages) == 1
