"""The retry policy for transient provider failures, as tenacity strategies.

What is retried: :class:`~agentkit.errors.ProviderUnavailable` (408, 409, 429, 5xx, Anthropic
529, connection errors, timeouts). How long we wait: what the server asked for
(``retry-after-ms`` / ``retry-after``) when it said so, else exponential backoff with jitter:
``min(max, initial * 2**(n-1)) * (0.5 + random/2)``, so concurrent callers spread out instead of
retrying in lockstep, yet never wait less than half the nominal delay.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from tenacity import RetryCallState
from tenacity.stop import stop_base
from tenacity.wait import wait_base

from agentkit.errors import ProviderError

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.config import RouterSettings

__all__ = ["BackoffWait", "StopWhen", "is_transient"]

_RNG = random.Random()  # jitter needs no secrecy; one generator saves seeding one per call


def is_transient(exc: BaseException) -> bool:
    """Whether trying the same provider again can help."""
    return isinstance(exc, ProviderError) and exc.retryable


class BackoffWait(wait_base):
    """Honour the server's retry-after, else exponential backoff with jitter."""

    def __init__(self, initial: float, maximum: float, rng: random.Random | None = None) -> None:
        self.initial = initial
        self.maximum = maximum
        self.rng = rng or _RNG

    @classmethod
    def from_settings(
        cls, settings: RouterSettings, rng: random.Random | None = None
    ) -> BackoffWait:
        return cls(settings.backoff_initial, settings.backoff_max, rng)

    def backoff(self, attempt_number: int) -> float:
        nominal = min(self.maximum, self.initial * 2.0 ** max(0, attempt_number - 1))
        return nominal * (0.5 + self.rng.random() / 2)

    def __call__(self, retry_state: RetryCallState) -> float:
        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None and outcome.failed else None
        retry_after = getattr(exc, "retry_after", None)
        if isinstance(retry_after, int | float):
            return float(retry_after)
        return self.backoff(retry_state.attempt_number)


class StopWhen(stop_base):
    """Stop retrying when ``predicate(retry_state)`` says so (deadline, breaker, long waits)."""

    def __init__(self, predicate: Callable[[RetryCallState], bool]) -> None:
        self.predicate = predicate

    def __call__(self, retry_state: RetryCallState) -> bool:
        return self.predicate(retry_state)
