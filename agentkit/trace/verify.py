"""``agentkit traces verify``: walk each file's hash chain and report what does not fit.

A broken chain is reported per record with what most likely happened (edited, removed,
reordered, moved from another file). A torn line whose neighbours still chain to each other
is what a crash leaves behind and is reported as a warning, not as tampering.

The chain cannot show records cut off the *end* of a file (nothing follows them). For that,
save the heads (``--save-anchors``) somewhere the trace writer cannot change and check
against them later (``--anchors``): a file that no longer reaches its anchored head lost
records.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agentkit.trace.chain import genesis_hash, split_line
from agentkit.trace.reader import Damage, iter_raw_lines
from agentkit.trace.store import trace_files

__all__ = ["FileSummary", "Problem", "VerifyReport", "verify_store"]


@dataclass(frozen=True)
class Problem:
    """One place where the chain does not hold."""

    path: str
    line: int
    kind: str  # edited | missing | reordered | moved | truncated
    message: str
    record_id: str | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.message}"


@dataclass(frozen=True)
class FileSummary:
    path: str
    records: int
    head: str  # hash of the last record (genesis for an empty file)


@dataclass
class VerifyReport:
    files: list[FileSummary] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    damages: list[Damage] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def records(self) -> int:
        return sum(f.records for f in self.files)

    def anchors(self) -> dict[str, dict[str, Any]]:
        return {Path(f.path).name: {"records": f.records, "head": f.head} for f in self.files}

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "records": self.records,
            "files": [f.__dict__ for f in self.files],
            "problems": [p.__dict__ for p in self.problems],
            "damaged_lines": [d.__dict__ for d in self.damages],
        }


@dataclass
class _Entry:
    line: int
    stated: str
    prev: str | None
    record_id: str | None
    intact: bool


def verify_store(
    directory: Path, anchors: Mapping[str, Mapping[str, Any]] | None = None
) -> VerifyReport:
    """Check every day file of a store (and, if given, that each still reaches its anchor)."""
    report = VerifyReport()
    files = trace_files(Path(directory))
    for path in files:
        summary = _verify_file(path, report)
        report.files.append(summary)
    if anchors:
        by_name = {p.name: p for p in files}
        for name, anchor in anchors.items():
            _check_anchor(name, anchor, by_name.get(name), report)
    return report


def _verify_file(path: Path, report: VerifyReport) -> FileSummary:
    entries: list[_Entry] = []
    for raw in iter_raw_lines(path, report.damages):
        parts = split_line(raw.data)
        if parts is None:  # pragma: no cover - iter_raw_lines already filtered these
            continue
        body, stated = parts
        intact = hashlib.sha256(body).hexdigest() == stated
        prev: str | None = None
        record_id: str | None = None
        try:
            obj = json.loads(body)
            if isinstance(obj, dict):
                prev = obj.get("prev_hash") if isinstance(obj.get("prev_hash"), str) else None
                record_id = obj.get("id") if isinstance(obj.get("id"), str) else None
        except ValueError:
            intact = False
        entries.append(_Entry(raw.number, stated, prev, record_id, intact))

    position = {e.stated: i for i, e in enumerate(entries)}
    expected = genesis_hash(path.name)
    name = str(path)
    for i, e in enumerate(entries):
        if not e.intact:
            report.problems.append(
                Problem(
                    name,
                    e.line,
                    "edited",
                    "the record's content no longer matches its hash (changed after writing)",
                    e.record_id,
                )
            )
        if e.prev != expected:
            report.problems.append(_chain_problem(name, e, i, expected, position, path.name))
        expected = e.stated
    return FileSummary(name, len(entries), expected)


def _chain_problem(
    name: str, e: _Entry, index: int, expected: str, position: dict[str, int], file_name: str
) -> Problem:
    if e.prev is None:
        return Problem(name, e.line, "edited", "the record has no prev_hash", e.record_id)
    if index == 0 and e.prev != genesis_hash(file_name):
        if e.prev in position:
            return Problem(
                name,
                e.line,
                "reordered",
                "the first record of the file chains to a later record",
                e.record_id,
            )
        return Problem(
            name,
            e.line,
            "moved",
            "the first record does not start this file's chain: records before it "
            "were removed, or it was moved here from another file",
            e.record_id,
        )
    if e.prev in position:
        where = position[e.prev]
        if where > index:
            return Problem(
                name,
                e.line,
                "reordered",
                "this record chains to a record that now comes after it",
                e.record_id,
            )
        return Problem(
            name,
            e.line,
            "reordered",
            "this record chains to an earlier record than the one before it: "
            "records were removed or moved between them",
            e.record_id,
        )
    if e.prev == genesis_hash(file_name):
        return Problem(
            name, e.line, "reordered", "this record claims to be the first of the file", e.record_id
        )
    return Problem(
        name,
        e.line,
        "missing",
        "the record it chains to is gone: the record before it was removed or edited",
        e.record_id,
    )


def _check_anchor(
    name: str, anchor: Mapping[str, Any], path: Path | None, report: VerifyReport
) -> None:
    count = int(anchor.get("records", 0))
    head = str(anchor.get("head", ""))
    if path is None:
        if count:
            report.problems.append(
                Problem(
                    name, 0, "truncated", f"the file is gone; its anchor recorded {count} records"
                )
            )
        return
    seen = 0
    found = False
    for raw in iter_raw_lines(path):
        seen += 1
        if seen == count:
            found = raw.hash == head
            break
    if not found:
        if seen < count:
            msg = f"the file has {seen} records, its anchor recorded {count}: records were removed"
        else:
            msg = f"record {count} is not the anchored head {head[:12]}: records were replaced"
        report.problems.append(Problem(str(path), 0, "truncated", msg))
