"""Reading a trace store back: whole records only, damaged lines skipped and reported.

Readers never fail on a torn last line (the normal result of a crash mid-write) or on a
damaged line in the middle: they skip it, keep going, and report it as a :class:`Damage`
so ``agentkit traces verify`` and the CLI can say what was skipped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agentkit.errors import TraceError
from agentkit.trace.chain import stated_hash
from agentkit.trace.store import trace_files

__all__ = ["Damage", "RawLine", "TraceReader", "day_of_id", "iter_raw_lines"]


@dataclass(frozen=True)
class Damage:
    """A line a reader skipped: a torn tail from a crash, or a line damaged by hand.

    Never carries the line's text (it may hold PHI), only where it is and how long.
    """

    path: str
    line: int
    length: int
    reason: str
    at_end: bool

    def __str__(self) -> str:
        where = "torn last line" if self.at_end else "damaged line"
        return f"{self.path}:{self.line}: {where} ({self.length} bytes) skipped: {self.reason}"


@dataclass(frozen=True)
class RawLine:
    """One whole record line as bytes (without newline), with where it sits."""

    path: Path
    number: int
    data: bytes
    hash: str


def iter_raw_lines(path: Path, damages: list[Damage] | None = None) -> Iterator[RawLine]:
    """Every whole record line of one file, streamed; damaged lines go to ``damages``."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in finally; a generator holds it
    except OSError as exc:
        raise TraceError(f"cannot read trace file {path}: {exc}") from exc
    try:
        for number, raw in enumerate(fh, start=1):
            complete = raw.endswith(b"\n")
            line = raw[:-1] if complete else raw
            if not line:
                continue
            digest = stated_hash(line)
            if digest is None:
                if damages is not None:
                    reason = (
                        "incomplete record (the writer was interrupted)"
                        if not complete
                        else "not a whole record (torn by an earlier crash, or edited)"
                    )
                    damages.append(Damage(str(path), number, len(line), reason, not complete))
                continue
            yield RawLine(path, number, line, digest)
    finally:
        fh.close()


def day_of_id(record_id: str) -> dt.date | None:
    """The UTC day a UUIDv7 id was made on (its first 48 bits are Unix milliseconds)."""
    hexdigits = record_id.replace("-", "")
    if len(hexdigits) < 12:
        return None
    try:
        ms = int(hexdigits[:12], 16)
        return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        return None


class TraceReader:
    """Iterate the records of a trace directory, oldest file first."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.damages: list[Damage] = []

    def files(self, since: dt.date | None = None, until: dt.date | None = None) -> list[Path]:
        return trace_files(self.directory, since, until)

    def records(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        contains: Iterable[bytes] = (),
        files: Iterable[Path] | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Parsed records. ``contains`` is a cheap pre-filter: only lines holding every byte
        string are parsed (e.g. ``b'"spec":"cpt_coding"'``)."""
        needles = tuple(contains)
        for path in files if files is not None else self.files(since, until):
            for raw in iter_raw_lines(path, self.damages):
                if needles and not all(n in raw.data for n in needles):
                    continue
                try:
                    record = json.loads(raw.data)
                except ValueError:
                    self.damages.append(
                        Damage(str(path), raw.number, len(raw.data), "not valid JSON", False)
                    )
                    continue
                if isinstance(record, dict):
                    yield record

    def find(self, record_id: str) -> dict[str, Any] | None:
        """The call record with this id (looks in the files of the id's day first)."""
        needle = f'"id":"{record_id}"'.encode()
        day = day_of_id(record_id)
        ordered = self.files()
        if day is not None:
            near = [p for p in ordered if p.stem >= day.isoformat()]
            ordered = near + [p for p in ordered if p not in near]
        for record in self.records(contains=(needle,), files=ordered):
            if record.get("id") == record_id and record.get("kind", "call") == "call":
                return record
        return None
