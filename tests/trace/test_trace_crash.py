"""A writer killed mid-stream leaves a readable store: whole records only, chain intact."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from agentkit.trace.chain import split_line
from agentkit.trace.reader import TraceReader, iter_raw_lines
from agentkit.trace.store import TraceStore, trace_files
from agentkit.trace.verify import verify_store

WRITER = """
import sys
from pathlib import Path
from agentkit.trace.store import TraceStore
store = TraceStore(Path(sys.argv[1]), fsync=sys.argv[2])
pad = "z" * 200_000
i = 0
while True:
    store.append({"kind": "call", "id": f"rec-{i:06d}", "pad": pad})
    if i == 3:
        print("writing", flush=True)
    i += 1
"""


def _kill_writer_midway(directory: Path, fsync: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(directory), fsync], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL


def _assert_whole(directory: Path) -> int:
    reader = TraceReader(directory)
    records = list(reader.records())
    assert len(records) >= 4
    assert all(r["pad"] == "z" * 200_000 for r in records)  # no partial record is ever parsed
    assert [r["id"] for r in records] == [f"rec-{i:06d}" for i in range(len(records))]
    assert all(d.at_end for d in reader.damages)  # damage, if any, only at the very end
    for path in trace_files(directory):
        for raw in iter_raw_lines(path):
            parts = split_line(raw.data)
            assert parts is not None
            assert hashlib.sha256(parts[0]).hexdigest() == parts[1]
    return len(records)


def test_killed_writer_leaves_no_torn_record(tmp_path: Path) -> None:
    for fsync in ("always", "never"):
        directory = tmp_path / fsync
        _kill_writer_midway(directory, fsync)
        count = _assert_whole(directory)
        assert verify_store(directory).ok

        TraceStore(directory).append({"kind": "call", "id": "after-crash", "pad": "z" * 200_000})
        ids = [r["id"] for r in TraceReader(directory).records()]
        assert ids[-1] == "after-crash" and len(ids) == count + 1
        report = verify_store(directory)
        assert report.ok, [str(p) for p in report.problems]
