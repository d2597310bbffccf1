"""The trace store: append-only JSON Lines files, one per UTC day, under one directory.

Crash safety and concurrency, in order of what can go wrong:

- **Torn records.** A record is one complete line handed to a single ``write()`` on a file
  opened with ``O_APPEND``, so a crash leaves either the whole line or a fragment at the very
  end. The next writer seals such a fragment with a newline (so it never glues onto a new
  record) and readers skip and report it (:class:`Damage`) instead of failing.
- **Durability.** ``fsync="always"`` (the default) syncs after every record; ``"batch"`` syncs
  every ``batch_size`` records and on :meth:`flush`/:meth:`close` (a crash of the process loses
  nothing, a power cut loses at most one batch); ``"never"`` leaves it to the OS.
  :meth:`append_many` writes a whole batch with one ``write()`` and one ``fsync``.
- **Concurrent writers.** Threads share a lock; processes take an exclusive ``flock`` on the
  file while they read its tail hash and append, so records never interleave and the hash
  chain stays linear.
- **Privacy.** Files are created ``0600`` and a new directory ``0700``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from agentkit.errors import TraceError
from agentkit.trace.chain import chain_line, genesis_hash, serialize, stated_hash

try:  # POSIX: inter-process locking. Elsewhere only threads are serialised.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "FsyncMode",
    "TraceStore",
    "file_for_day",
    "last_record_hash",
    "trace_files",
]

FsyncMode = Literal["always", "batch", "never"]
_FILE_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.jsonl$")
_TAIL_CHUNK = 64 * 1024


def file_for_day(directory: Path, day: dt.date) -> Path:
    return directory / f"{day.isoformat()}.jsonl"


def trace_files(
    directory: Path, since: dt.date | None = None, until: dt.date | None = None
) -> list[Path]:
    """The day files of a store, oldest first (optionally from ``since`` to ``until``)."""
    if not directory.is_dir():
        return []
    found: list[Path] = []
    for entry in directory.iterdir():
        m = _FILE_RE.match(entry.name)
        if not m or not entry.is_file():
            continue
        day = dt.date.fromisoformat(m.group(1))
        if since is not None and day < since:
            continue
        if until is not None and day > until:
            continue
        found.append(entry)
    return sorted(found)


@dataclass
class _Tail:
    inode: int
    size: int
    last_hash: str


@dataclass
class TraceStore:
    """Append records to (and read them back from) one trace directory."""

    directory: Path
    fsync: FsyncMode = "always"
    batch_size: int = 100
    clock: Any = None  # callable returning an aware datetime; tests pin the day
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _tails: dict[str, _Tail] = field(default_factory=dict, repr=False)
    _unsynced: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.directory = Path(self.directory)

    # ------------------------------------------------------------------ writing

    def current_file(self) -> Path:
        now = self.clock() if self.clock else dt.datetime.now(dt.UTC)
        return file_for_day(self.directory, now.date())

    def append(self, record: dict[str, Any]) -> dict[str, Any]:
        """Chain and append one record; returns it with ``prev_hash`` and ``hash`` set."""
        return self.append_many([record])[0]

    def append_many(self, records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Append records with one ``write()`` and (unless ``never``) one ``fsync``."""
        batch = list(records)
        if not batch:
            return []
        try:
            encoded = [serialize(r) for r in batch]
        except (TypeError, ValueError) as exc:
            raise TraceError(f"a trace record cannot be written as JSON: {exc}") from exc
        path = self.current_file()
        with self._lock:
            fd = self._open(path)
            try:
                _lock_file(fd)
                try:
                    prev = self._tail_hash(path, fd)
                    lines: list[bytes] = []
                    written: list[dict[str, Any]] = []
                    for record, body in zip(batch, encoded, strict=True):
                        line, digest = chain_line(body, prev)
                        lines.append(line)
                        written.append({**record, "prev_hash": prev, "hash": digest})
                        prev = digest
                    data = b"".join(lines)
                    _write_all(fd, data, path)
                    self._sync_after(fd, path, len(batch))
                    st = os.fstat(fd)
                    self._tails[str(path)] = _Tail(st.st_ino, st.st_size, prev)
                finally:
                    _unlock_file(fd)
            finally:
                os.close(fd)
        return written

    def flush(self) -> None:
        """fsync every file with records not yet synced (``batch`` mode)."""
        with self._lock:
            for name, pending in list(self._unsynced.items()):
                if pending:
                    try:
                        fd = os.open(name, os.O_RDONLY)
                    except OSError:
                        continue
                    try:
                        os.fsync(fd)
                    finally:
                        os.close(fd)
                self._unsynced[name] = 0

    def close(self) -> None:
        self.flush()

    def _open(self, path: Path) -> int:
        if not self.directory.exists():
            try:
                self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as exc:
                raise TraceError(f"cannot create trace directory {self.directory}: {exc}") from exc
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(path, flags, 0o600)
        except OSError as exc:
            raise TraceError(
                f"cannot open trace file {path}: {exc}; check the trace directory "
                "(AGENTKIT_TRACE_DIR or [trace] dir) and its permissions"
            ) from exc
        st = os.fstat(fd)
        if st.st_mode & 0o077:
            os.fchmod(fd, 0o600)  # created by an older version or a permissive tool
        return fd

    def _tail_hash(self, path: Path, fd: int) -> str:
        """The hash the next record must chain to; seals a torn tail left by a crash."""
        st = os.fstat(fd)
        cached = self._tails.get(str(path))
        if cached and cached.inode == st.st_ino and cached.size == st.st_size:
            return cached.last_hash
        if st.st_size == 0:
            return genesis_hash(path.name)
        with open(path, "rb") as fh:
            fh.seek(st.st_size - 1)
            if fh.read(1) != b"\n":
                _write_all(fd, b"\n", path)  # a crash tore the last record: close that line off
        last = last_record_hash(path)
        return last if last is not None else genesis_hash(path.name)

    def _sync_after(self, fd: int, path: Path, count: int) -> None:
        if self.fsync == "always":
            os.fsync(fd)
        elif self.fsync == "batch":
            pending = self._unsynced.get(str(path), 0) + count
            if pending >= self.batch_size:
                os.fsync(fd)
                pending = 0
            self._unsynced[str(path)] = pending

    # ------------------------------------------------------------------ reading

    def files(self, since: dt.date | None = None, until: dt.date | None = None) -> list[Path]:
        return trace_files(self.directory, since, until)


def last_record_hash(path: Path) -> str | None:
    """The ``hash`` of the last whole record of a file, scanning back from its end."""
    with open(path, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        end = fh.tell()
        chunk = _TAIL_CHUNK
        while True:
            start = max(0, end - chunk)
            fh.seek(start)
            data = fh.read(end - start)
            lines = data.split(b"\n")
            if start > 0:
                lines = lines[1:]  # first piece may be a partial line
            for raw in reversed(lines):
                digest = stated_hash(raw)
                if digest is not None:
                    return digest
            if start == 0:
                return None
            chunk *= 4


def _write_all(fd: int, data: bytes, path: Path) -> None:
    view = memoryview(data)
    while view:
        try:
            n = os.write(fd, view)
        except OSError as exc:
            raise TraceError(f"cannot write trace file {path}: {exc}") from exc
        view = view[n:]


def _lock_file(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)


def _unlock_file(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
