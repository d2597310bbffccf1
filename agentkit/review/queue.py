"""The review queue, derived from the trace store: calls plus the audit events about them.

Nothing is ever edited: a call's review state is computed from the append-only records.
A call is *open* when its review decision was ``needs_review`` and no ``accept`` or
``override`` event refers to it yet; the latest such event decides its state otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from agentkit.errors import ReviewError
from agentkit.trace.reader import TraceReader

__all__ = ["ReviewItem", "ReviewState", "find_call", "list_items"]

ReviewState = Literal["open", "accepted", "overridden", "auto_accepted", "failed"]
_DECISIVE = ("accept", "override")


@dataclass
class ReviewItem:
    """One call as the review queue sees it."""

    trace_id: str
    time: str
    spec: str
    spec_version: str
    status: str
    decision: str
    reasons: list[str]
    record: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def state(self) -> ReviewState:
        decisive = [e for e in self.events if e.get("action") in _DECISIVE]
        if decisive:
            return "overridden" if decisive[-1]["action"] == "override" else "accepted"
        if self.status == "failed":
            return "failed"
        return "open" if self.decision == "needs_review" else "auto_accepted"

    @property
    def last_event(self) -> dict[str, Any] | None:
        decisive = [e for e in self.events if e.get("action") in _DECISIVE]
        return decisive[-1] if decisive else None


def _item(record: dict[str, Any]) -> ReviewItem:
    review = record.get("review") or {}
    return ReviewItem(
        trace_id=str(record.get("id")),
        time=str(record.get("time", "")),
        spec=str(record.get("spec", "")),
        spec_version=str(record.get("spec_version", "")),
        status=str(record.get("status", "")),
        decision=str(review.get("decision", "auto_accepted")),
        reasons=[str(r) for r in review.get("reasons", [])],
        record=record,
    )


def list_items(
    directory: Path,
    *,
    spec: str | None = None,
    states: Iterable[str] | None = ("open",),
    since: dt.date | None = None,
) -> tuple[list[ReviewItem], TraceReader]:
    """Calls with their review events, oldest first, filtered by spec and state."""
    reader = TraceReader(directory)
    calls: dict[str, ReviewItem] = {}
    events: dict[str, list[dict[str, Any]]] = {}
    for record in reader.records(since=since):
        kind = record.get("kind", "call")
        if kind == "call":
            if spec and record.get("spec") != spec:
                continue
            calls[str(record.get("id"))] = _item(record)
        elif kind == "review":
            events.setdefault(str(record.get("trace_id")), []).append(record)
    wanted = set(states) if states is not None else None
    items: list[ReviewItem] = []
    for trace_id, item in calls.items():
        item.events = events.get(trace_id, [])
        if wanted is None or item.state in wanted:
            items.append(item)
    items.sort(key=lambda i: (i.time, i.trace_id))
    return items, reader


def find_call(directory: Path, trace_id: str) -> ReviewItem:
    """The call ``trace_id`` names (a unique prefix is enough), with its review events."""
    reader = TraceReader(directory)
    if not reader.files():
        raise ReviewError(f"no traces in {directory}; set AGENTKIT_TRACE_DIR or [trace] dir")
    wanted = trace_id.strip().lower()
    if not wanted:
        raise ReviewError("give a trace id")
    record = reader.find(wanted) if len(wanted) == 36 else None
    if record is None:
        matches = [
            r
            for r in reader.records(contains=(b'"kind":"call"', wanted.encode()))
            if str(r.get("id", "")).startswith(wanted)
        ]
        ids = sorted({str(r.get("id")) for r in matches})
        if not ids:
            raise ReviewError(
                f"no traced call has the id {trace_id!r} in {directory}; "
                "`agentkit review list` shows the open ones"
            )
        if len(ids) > 1:
            raise ReviewError(
                f"the id {trace_id!r} is ambiguous: it starts {len(ids)} trace ids "
                f"({', '.join(i[:13] + '...' for i in ids[:5])}); give more of it"
            )
        record = next(r for r in matches if r.get("id") == ids[0])
    item = _item(record)
    needle = f'"trace_id":"{item.trace_id}"'.encode()
    item.events = [
        r
        for r in TraceReader(directory).records(contains=(needle,))
        if r.get("kind") == "review" and r.get("trace_id") == item.trace_id
    ]
    return item
