"""The shape of one trace record: everything an auditor needs to see why a note got its codes.

The runtime builds a :class:`CallRecord` for every call; the trace store redacts it (per the
redaction setting) and appends it. Review decisions and overrides are separate
:class:`AuditEvent` records that point at the call they concern: no record is ever edited.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from agentkit.result import Attempt, Finding, Review, Usage

__all__ = ["AuditEvent", "CallRecord", "MessageRecord"]


class MessageRecord(BaseModel):
    role: str
    content: str
    tool_call_id: str | None = None


class CallRecord(BaseModel):
    kind: Literal["call"] = "call"
    id: str = Field(description="sortable trace id (UUIDv7)")
    time: str = Field(description="UTC ISO-8601 time the call started")
    spec: str
    spec_version: str
    fingerprint: str
    spec_path: str | None = None
    codeset_versions: dict[str, str] = Field(default_factory=dict)
    idempotency_key: str
    input_hash: str
    inputs: dict[str, Any] = Field(default_factory=dict)
    messages: list[MessageRecord] = Field(default_factory=list)
    prompt_hash: str = ""
    attempts: list[Attempt] = Field(default_factory=list)
    provider: str | None = None
    model: str | None = None
    request_id: str | None = None
    raw_response: str | None = None
    output: dict[str, Any] | None = None
    findings: list[Finding] = Field(default_factory=list)
    review: Review = Field(default_factory=Review)
    status: str
    usage: Usage = Field(default_factory=Usage)
    latency_s: float = 0.0
    error: str | None = None
    error_class: str | None = None
    text_fields: list[str] = Field(
        default_factory=list, description="input paths holding free text (redacted by policy)"
    )


class AuditEvent(BaseModel):
    kind: Literal["review"] = "review"
    id: str
    time: str
    trace_id: str = Field(description="the call this event concerns")
    action: Literal["accept", "override", "reject", "comment"]
    reviewer: str
    reason: str | None = None
    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)
    spec: str | None = None
    spec_version: str | None = None
    expected: dict[str, Any] | None = Field(
        default=None,
        description="the reviewer's codes as a partial output (eval-case 'expected' shape)",
    )
