"""The trace store: whole records, 0600 files, hash chain, torn tails, concurrent writers."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import stat
import threading
from pathlib import Path

import pytest

from agentkit.trace.chain import genesis_hash
from agentkit.trace.reader import TraceReader, iter_raw_lines
from agentkit.trace.store import TraceStore
from agentkit.trace.verify import verify_store

DAY = dt.datetime(2025, 3, 14, 12, 0, tzinfo=dt.UTC)


def _store(directory: Path, **kw: object) -> TraceStore:
    return TraceStore(directory, clock=lambda: DAY, **kw)  # type: ignore[arg-type]


def test_append_writes_one_line_per_record_in_a_day_file(tmp_path: Path) -> None:
    store = _store(tmp_path / "t")
    first = store.append({"kind": "call", "id": "a", "spec": "s"})
    second = store.append({"kind": "call", "id": "b", "spec": "s"})
    path = tmp_path / "t" / "2025-03-14.jsonl"
    lines = path.read_bytes().splitlines()
    assert len(lines) == 2
    assert first["prev_hash"] == genesis_hash(path.name)
    assert second["prev_hash"] == first["hash"]
    assert [r["id"] for r in TraceReader(tmp_path / "t").records()] == ["a", "b"]
    assert json.loads(lines[1])["hash"] == second["hash"]


def test_files_are_private(tmp_path: Path) -> None:
    store = _store(tmp_path / "t")
    store.append({"kind": "call", "id": "a"})
    path = tmp_path / "t" / "2025-03-14.jsonl"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "t").stat().st_mode) == 0o700


def test_permissive_existing_file_is_tightened(tmp_path: Path) -> None:
    directory = tmp_path / "t"
    directory.mkdir()
    path = directory / "2025-03-14.jsonl"
    path.touch(mode=0o644)
    os.chmod(path, 0o644)
    _store(directory).append({"kind": "call", "id": "a"})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_torn_tail_is_skipped_reported_and_sealed_by_the_next_write(tmp_path: Path) -> None:
    directory = tmp_path / "t"
    store = _store(directory)
    store.append({"kind": "call", "id": "a"})
    path = directory / "2025-03-14.jsonl"
    with open(path, "ab") as fh:  # what a crash in the middle of write() leaves
        fh.write(b'{"kind":"call","id":"b","spec":"cpt_cod')
    reader = TraceReader(directory)
    assert [r["id"] for r in reader.records()] == ["a"]
    assert len(reader.damages) == 1 and reader.damages[0].at_end
    assert "cpt_cod" not in str(reader.damages[0])  # no record text in reports

    fresh = _store(directory)  # a new process: no cached tail
    fresh.append({"kind": "call", "id": "c"})
    reader = TraceReader(directory)
    assert [r["id"] for r in reader.records()] == ["a", "c"]
    assert len(reader.damages) == 1 and not reader.damages[0].at_end
    report = verify_store(directory)
    assert report.ok, report.problems  # the chain skips the fragment: a crash, not tampering
    assert len(report.damages) == 1


def test_append_many_is_one_batch_in_order(tmp_path: Path) -> None:
    store = _store(tmp_path / "t", fsync="batch", batch_size=3)
    written = store.append_many([{"kind": "call", "id": str(i)} for i in range(5)])
    assert [w["prev_hash"] for w in written[1:]] == [w["hash"] for w in written[:-1]]
    store.flush()
    assert verify_store(tmp_path / "t").ok
    assert [r["id"] for r in TraceReader(tmp_path / "t").records()] == [str(i) for i in range(5)]


def test_record_that_is_not_json_serialisable_is_a_trace_error(tmp_path: Path) -> None:
    from agentkit.errors import TraceError

    with pytest.raises(TraceError):
        _store(tmp_path / "t").append({"kind": "call", "value": float("nan")})


def test_threads_never_interleave_and_the_chain_stays_linear(tmp_path: Path) -> None:
    directory = tmp_path / "t"
    stores = [_store(directory), _store(directory)]  # two stores = two open file descriptions
    big = "x" * 20_000  # larger than a pipe buffer: a non-atomic writer would interleave

    def work(n: int) -> None:
        for i in range(25):
            stores[n % 2].append({"kind": "call", "id": f"{n}-{i}", "pad": big})

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    reader = TraceReader(directory)
    ids = [r["id"] for r in reader.records()]
    assert sorted(ids) == sorted(f"{n}-{i}" for n in range(6) for i in range(25))
    assert not reader.damages
    assert verify_store(directory).ok


def _write_from_process(directory: str, tag: str) -> None:
    store = TraceStore(Path(directory), clock=lambda: DAY, fsync="never")
    for i in range(40):
        store.append({"kind": "call", "id": f"{tag}-{i}", "pad": "y" * 5000})


def test_processes_share_one_chain(tmp_path: Path) -> None:
    directory = tmp_path / "t"
    ctx = multiprocessing.get_context("spawn")
    procs = [
        ctx.Process(target=_write_from_process, args=(str(directory), f"p{n}")) for n in range(3)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    lines = list(iter_raw_lines(directory / "2025-03-14.jsonl"))
    assert len(lines) == 120
    report = verify_store(directory)
    assert report.ok, [str(p) for p in report.problems]
