"""Review decisions as audit events: who accepted or changed which codes, when and why.

Each action appends one :class:`~agentkit.trace.record.AuditEvent` to the trace store
(through the same redaction pipeline and hash chain as calls); the call's record itself is
never touched. The event carries the codes before and after and, for ``traces to-cases``,
the reviewer's codes in the eval-case ``expected`` shape.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Sequence
from typing import Any

from agentkit.errors import ReviewError
from agentkit.evals.code_fields import lines_to_partial
from agentkit.review.codes import (
    apply_override,
    families_for_record,
    flat_codes,
    lines_of,
    parse_codes,
)
from agentkit.review.queue import ReviewItem
from agentkit.trace.ids import new_id
from agentkit.trace.record import AuditEvent
from agentkit.trace.sink import TraceSink

__all__ = ["accept", "default_reviewer", "override"]


def default_reviewer() -> str:
    """``$AGENTKIT_REVIEWER``, else the operating-system user."""
    name = os.environ.get("AGENTKIT_REVIEWER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # pragma: no cover - no passwd entry (containers)
        return "unknown"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def accept(
    item: ReviewItem, sink: TraceSink, *, reviewer: str | None = None, reason: str | None = None
) -> dict[str, Any]:
    """The reviewer agrees with the answer's codes as they are."""
    if item.status == "failed" or item.record.get("output") is None:
        raise ReviewError(
            f"call {item.trace_id} failed and has no answer to accept; "
            "use `agentkit review override ID --codes ...` to give the codes"
        )
    families = families_for_record(item.record)
    lines = lines_of(item.record.get("output"), families)
    event = AuditEvent(
        id=new_id(),
        time=_now(),
        trace_id=item.trace_id,
        action="accept",
        reviewer=reviewer or default_reviewer(),
        reason=reason,
        before=flat_codes(lines),
        after=flat_codes(lines),
        spec=item.spec,
        spec_version=item.spec_version,
        expected=lines_to_partial(families, lines),
    )
    return sink.write_event(event)


def override(
    item: ReviewItem,
    sink: TraceSink,
    *,
    codes: str | None,
    reason: str,
    clear: Sequence[str] = (),
    reviewer: str | None = None,
) -> dict[str, Any]:
    """The reviewer replaces some or all of the answer's codes, saying why."""
    if not reason or not reason.strip():
        raise ReviewError(
            "an override needs --reason: say why the codes change (it goes in the audit trail)"
        )
    if not codes and not clear:
        raise ReviewError("an override needs --codes (and/or --clear FIELD)")
    families = families_for_record(item.record)
    if not families:
        raise ReviewError(
            f"cannot tell which fields of {item.spec} hold codes; is the spec still loadable?"
        )
    before = lines_of(item.record.get("output"), families)
    changes = parse_codes(codes, families) if codes else {}
    after = apply_override(before, changes, clear, families)
    if flat_codes(after) == flat_codes(before):
        raise ReviewError("these codes are the answer's own codes; use `agentkit review accept`")
    event = AuditEvent(
        id=new_id(),
        time=_now(),
        trace_id=item.trace_id,
        action="override",
        reviewer=reviewer or default_reviewer(),
        reason=reason.strip(),
        before=flat_codes(before),
        after=flat_codes(after),
        spec=item.spec,
        spec_version=item.spec_version,
        expected=lines_to_partial(families, after),
    )
    return sink.write_event(event)
