"""What a typed function returns: the output plus everything needed to trust it."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Attempt", "Finding", "Result", "Review", "Severity", "Status", "Usage"]

Severity = Literal["error", "warning", "info"]
OutputT = TypeVar("OutputT", bound=BaseModel)


class Status(StrEnum):
    """Outcome of one call. Never a silent degradation: a failed call says so."""

    ACCEPTED = "accepted"
    NEEDS_REVIEW = "needs_review"
    FAILED = "failed"


class Finding(BaseModel):
    """One check result a coder can act on.

    ``path`` points into the output (``procedures[2].code``); ``source`` names the rule's origin
    ("NCCI PTP practitioner 2024 Q3, modifier indicator 0").
    """

    model_config = ConfigDict(frozen=True)

    check: str
    severity: Severity
    message: str
    path: str | None = None
    codes: tuple[str, ...] = ()
    source: str | None = None
    reask: bool = Field(
        default=False, description="Whether the router sends this back to the model"
    )


class Review(BaseModel):
    """The review policy's decision for one call."""

    decision: Literal["auto_accepted", "needs_review"] = "auto_accepted"
    reasons: list[str] = Field(default_factory=list)

    @property
    def needed(self) -> bool:
        return self.decision == "needs_review"


class Attempt(BaseModel):
    """One try at one provider. ``status`` is ok / retry / reask / error / skipped."""

    provider: str
    model: str = ""
    status: Literal["ok", "retry", "reask", "error", "skipped"]
    error_class: str | None = None
    error: str | None = None
    latency_s: float = 0.0
    request_id: str | None = None
    finish_reason: str | None = None
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float | None = None


class Usage(BaseModel):
    """Tokens and cost summed over every attempt, failed ones included."""

    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float | None = None
    latency_s: float = 0.0
    attempts: int = 0

    @classmethod
    def from_attempts(cls, attempts: list[Attempt], latency_s: float) -> Usage:
        costs = [a.cost_usd for a in attempts if a.cost_usd is not None]
        return cls(
            input_tokens=sum(a.input_tokens for a in attempts),
            output_tokens=sum(a.output_tokens for a in attempts),
            cost_usd=round(sum(costs), 8) if costs else None,
            latency_s=latency_s,
            attempts=len([a for a in attempts if a.status != "skipped"]),
        )


class Result(BaseModel, Generic[OutputT]):
    """The answer of a compiled spec: typed ``output`` plus findings, review, usage, attempts."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    spec: str
    spec_version: str
    fingerprint: str
    status: Status
    output: OutputT | None = None
    findings: list[Finding] = Field(default_factory=list)
    review: Review = Field(default_factory=Review)
    usage: Usage = Field(default_factory=Usage)
    attempts: list[Attempt] = Field(default_factory=list)
    trace_id: str | None = None
    idempotency_key: str = ""
    provider: str | None = Field(default=None, description="route entry that produced the output")
    model: str | None = None
    error: str | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    def summary(self) -> dict[str, Any]:
        """A JSON-ready view (what ``agentkit run --json`` prints)."""
        return self.model_dump(mode="json")
