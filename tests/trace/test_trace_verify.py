"""Tamper evidence: `traces verify` reports edited, removed, reordered and moved records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from agentkit.cli.app import app
from agentkit.trace.store import TraceStore
from agentkit.trace.verify import verify_store

runner = CliRunner()


def _store_with(directory: Path, n: int, day: dt.date = dt.date(2025, 3, 14)) -> Path:
    when = dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC)
    store = TraceStore(directory, clock=lambda: when)
    for i in range(n):
        store.append(
            {
                "kind": "call",
                "id": f"r{i}",
                "spec": "cpt_coding",
                "output": {"procedures": [{"code": "47562"}]},
            }
        )
    return directory / f"{day.isoformat()}.jsonl"


def _kinds(directory: Path) -> list[str]:
    return [p.kind for p in verify_store(directory).problems]


def test_intact_store_verifies(tmp_path: Path) -> None:
    _store_with(tmp_path, 5)
    report = verify_store(tmp_path)
    assert report.ok and report.records == 5
    result = runner.invoke(app, ["traces", "verify", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "5 records" in result.output


def test_edited_record_is_reported(tmp_path: Path) -> None:
    path = _store_with(tmp_path, 5)
    text = path.read_text()
    path.write_text(
        text.replace(
            '"id":"r2","kind":"call","output":{"procedures":[{"code":"47562"}]}',
            '"id":"r2","kind":"call","output":{"procedures":[{"code":"47563"}]}',
        )
    )
    assert path.read_text() != text
    report = verify_store(tmp_path)
    assert [(p.kind, p.line, p.record_id) for p in report.problems] == [("edited", 3, "r2")]
    result = runner.invoke(app, ["traces", "verify", "--dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "TAMPERED" in result.output and "r2" in result.output


def test_edit_with_recomputed_hash_breaks_the_next_link(tmp_path: Path) -> None:
    from agentkit.trace.chain import encode_record

    path = _store_with(tmp_path, 4)
    lines = path.read_bytes().splitlines(keepends=True)
    rec = json.loads(lines[1])
    rec["output"]["procedures"][0]["code"] = "47563"
    prev = rec.pop("prev_hash")
    rec.pop("hash")
    lines[1], _ = encode_record(rec, prev)  # a careful forger rehashes the record itself
    path.write_bytes(b"".join(lines))
    report = verify_store(tmp_path)
    assert [(p.kind, p.record_id) for p in report.problems] == [("missing", "r2")]


def test_removed_record_is_reported(tmp_path: Path) -> None:
    path = _store_with(tmp_path, 5)
    lines = path.read_bytes().splitlines(keepends=True)
    del lines[2]
    path.write_bytes(b"".join(lines))
    report = verify_store(tmp_path)
    assert len(report.problems) == 1
    assert report.problems[0].record_id == "r3"
    assert report.problems[0].kind == "missing"


def test_reordered_records_are_reported(tmp_path: Path) -> None:
    path = _store_with(tmp_path, 5)
    lines = path.read_bytes().splitlines(keepends=True)
    lines[1], lines[3] = lines[3], lines[1]
    path.write_bytes(b"".join(lines))
    kinds = _kinds(tmp_path)
    assert kinds and set(kinds) == {"reordered"}


def test_record_moved_to_another_file_is_reported(tmp_path: Path) -> None:
    first = _store_with(tmp_path, 3, dt.date(2025, 3, 14))
    second = _store_with(tmp_path, 3, dt.date(2025, 3, 15))
    moved = first.read_bytes().splitlines(keepends=True)[0]
    second.write_bytes(moved + second.read_bytes())
    problems = verify_store(tmp_path).problems
    assert any(p.kind == "moved" and p.path == str(second) for p in problems)


def test_anchors_catch_records_cut_off_the_end(tmp_path: Path) -> None:
    path = _store_with(tmp_path, 5)
    anchors = tmp_path / "anchors.json"
    result = runner.invoke(
        app, ["traces", "verify", "--dir", str(tmp_path), "--save-anchors", str(anchors)]
    )
    assert result.exit_code == 0
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:3]))
    assert verify_store(tmp_path).ok  # the chain alone cannot see a cut tail
    result = runner.invoke(
        app, ["traces", "verify", "--dir", str(tmp_path), "--anchors", str(anchors)]
    )
    assert result.exit_code == 1
    assert "truncated" in result.output


def test_verify_without_a_store_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["traces", "verify", "--dir", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no trace directory" in result.output


def test_verify_json_output(tmp_path: Path) -> None:
    _store_with(tmp_path, 2)
    result = runner.invoke(app, ["traces", "verify", "--dir", str(tmp_path), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["ok"] is True and data["records"] == 2
