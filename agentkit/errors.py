"""Every error agentkit raises, in one tree.

All of them derive from :class:`AgentkitError`, so ``except agentkit.AgentkitError`` catches
anything the framework itself raises. Messages are written for the person who has to act on
them (a coding expert editing a spec, an engineer wiring a provider), and say what to do.

    AgentkitError
    ├── SpecError               a spec file is wrong (carries every SpecIssue, file:line:col)
    │   └── PromptError         a prompt template failed to render or broke the sandbox
    ├── InputError              inputs to a typed function do not fit the Input model
    ├── ConfigError             agentkit.toml / [tool.agentkit] / environment is wrong
    ├── ProviderError           a model provider failed (carries provider, model, status)
    │   ├── ProviderAuthError       missing or rejected credentials (never retried)
    │   ├── ProviderRequestError    the request itself is wrong: 400/404/422 (never retried)
    │   ├── ProviderUnavailable     429 / 5xx / 529 / timeout / connection (retried)
    │   ├── QuotaExceeded           insufficient quota, spend limit (never retried)
    │   ├── Refusal                 the model refused (never re-asked)
    │   ├── ContentFiltered         the provider's content filter stopped the answer
    │   ├── ContextOverflow         the prompt does not fit the model's context window
    │   └── UnsupportedSpec         this provider cannot fill this spec (e.g. local)
    ├── RouteExhausted          every route entry and attempt failed (carries all attempts)
    │   └── OutputInvalid           answers never fitted the Output model / re-ask checks
    ├── BudgetExceeded          a per-call budget (cost, attempts, deadline) ran out
    ├── CheckFailed             a claim has error findings (raised on request only)
    ├── DataFileError           a code set / edit table / rule file is malformed
    ├── TraceError              the trace store cannot be written or read
    │   └── TraceTampered           `traces verify` found an edited, removed or moved record
    ├── ReviewError             a review action refers to an unknown trace or is not allowed
    └── EvalError               an eval suite, case file or baseline is wrong
        └── RegressionDetected      a metric or case got worse than the committed baseline
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.result import Attempt, Finding

__all__ = [
    "AgentkitError",
    "BudgetExceeded",
    "CheckFailed",
    "ConfigError",
    "ContentFiltered",
    "ContextOverflow",
    "DataFileError",
    "EvalError",
    "InputError",
    "OutputInvalid",
    "PromptError",
    "ProviderAuthError",
    "ProviderError",
    "ProviderRequestError",
    "ProviderUnavailable",
    "QuotaExceeded",
    "Refusal",
    "RegressionDetected",
    "ReviewError",
    "RouteExhausted",
    "SpecError",
    "SpecIssue",
    "TraceError",
    "TraceTampered",
    "UnsupportedSpec",
]


class AgentkitError(Exception):
    """Base of every error raised by agentkit."""


# --------------------------------------------------------------------------- specs


@dataclass(frozen=True)
class SpecIssue:
    """One located problem in a spec file: where it is, what is wrong, how to fix it."""

    file: str
    line: int | None
    column: int | None
    message: str
    key: str | None = None
    fix: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: error: {self.message}"
        if self.key:
            text += f" [at {self.key}]"
        if self.fix:
            text += f"\n    fix: {self.fix}"
        return text


class SpecError(AgentkitError):
    """A spec file cannot be used. ``issues`` lists every problem found, in file order."""

    def __init__(self, issues: Sequence[SpecIssue]) -> None:
        self.issues: list[SpecIssue] = sorted(
            issues, key=lambda i: (i.file, i.line or 0, i.column or 0)
        )
        count = len(self.issues)
        head = f"{count} problem{'s' if count != 1 else ''} in spec"
        super().__init__(head + ":\n" + "\n".join(str(i) for i in self.issues))


class PromptError(SpecError):
    """A prompt template failed to render, or tried to leave the sandbox."""


# --------------------------------------------------------------------------- inputs / config


class InputError(AgentkitError, ValueError):
    """Inputs to a typed function are wrong. ``errors`` has one (field, message) per problem."""

    def __init__(self, spec: str, errors: Sequence[tuple[str, str]]) -> None:
        self.spec = spec
        self.errors = list(errors)
        lines = "\n".join(f"  - {field}: {msg}" for field, msg in self.errors)
        n = len(self.errors)
        super().__init__(f"{n} invalid input{'s' if n != 1 else ''} for spec {spec!r}:\n{lines}")


class ConfigError(AgentkitError):
    """The configuration file or environment is wrong."""


# --------------------------------------------------------------------------- providers


class ProviderError(AgentkitError):
    """A provider call failed. ``retryable`` tells the router whether trying again can help."""

    retryable: bool = False
    #: every attempt of the call so far, attached by the router when it gives up
    attempts: list[Attempt]

    def __init__(
        self,
        message: str,
        *,
        provider: str = "",
        model: str = "",
        status: int | None = None,
        request_id: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.provider = provider
        self.model = model
        self.status = status
        self.request_id = request_id
        self.retry_after = retry_after
        self.attempts = []
        prefix = (
            f"{provider}/{model}: " if provider and model else (f"{provider}: " if provider else "")
        )
        super().__init__(prefix + message)


class ProviderAuthError(ProviderError):
    """Credentials are missing or rejected. The message names the variable to set."""


class ProviderRequestError(ProviderError):
    """The provider rejected the request itself (bad model name, bad schema, 400/404/422)."""


class ProviderUnavailable(ProviderError):
    """A transient failure: rate limit, overload, server error, timeout, connection reset."""

    retryable = True


class QuotaExceeded(ProviderError):
    """The account is out of quota or over its spend limit; retrying will not help."""


class Refusal(ProviderError):
    """The model declined to answer. Never re-asked."""


class ContentFiltered(ProviderError):
    """The provider's content filter stopped the answer."""


class ContextOverflow(ProviderError):
    """The prompt is longer than the model's context window."""


class UnsupportedSpec(ProviderError):
    """This provider cannot fill this spec (for example `local` on a custom spec)."""


class RouteExhausted(AgentkitError):
    """Every route entry failed. ``attempts`` records each try, in order."""

    def __init__(self, message: str, attempts: Sequence[Attempt] = ()) -> None:
        self.attempts = list(attempts)
        super().__init__(message)


class OutputInvalid(RouteExhausted):
    """No answer fitted the Output model and the re-ask checks within ``max_attempts``."""

    def __init__(
        self, message: str, attempts: Sequence[Attempt] = (), errors: Sequence[str] = ()
    ) -> None:
        self.errors = list(errors)
        super().__init__(message, attempts)


class BudgetExceeded(AgentkitError):
    """A per-call budget (max cost, max attempts or the overall deadline) ran out."""

    def __init__(self, message: str, attempts: Sequence[Attempt] = ()) -> None:
        self.attempts = list(attempts)
        super().__init__(message)


# --------------------------------------------------------------------------- coding domain


class CheckFailed(AgentkitError):
    """A claim has error findings. Raised only when the caller asks for strict checking."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        errors = [f for f in self.findings if f.severity == "error"]
        lines = "\n".join(f"  - [{f.check}] {f.message}" for f in errors)
        super().__init__(f"{len(errors)} error finding(s):\n{lines}")


class DataFileError(AgentkitError):
    """A data file (code set, edit table, concept rules, price table) is malformed."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


# --------------------------------------------------------------------------- traces / evals


class TraceError(AgentkitError):
    """The trace store cannot be written or read."""


class TraceTampered(TraceError):
    """A trace file's hash chain is broken: a record was edited, removed or reordered."""

    def __init__(self, message: str, problems: Sequence[Any] = ()) -> None:
        self.problems = list(problems)
        super().__init__(message)


class ReviewError(AgentkitError):
    """A review action names an unknown trace or is not allowed."""


class EvalError(AgentkitError):
    """An eval suite, case file or baseline is wrong."""


class RegressionDetected(EvalError):
    """The eval run is worse than the committed baseline beyond the tolerance."""

    def __init__(self, message: str, regressions: Sequence[str] = ()) -> None:
        self.regressions = list(regressions)
        super().__init__(message)
