"""Circuit breakers: a provider that keeps failing is skipped for a cooldown.

Without one, every call of a batch would spend its retries (and its deadline) on a provider
that is down before falling back. After ``threshold`` consecutive transient failures the
breaker opens; calls skip that route entry until ``cooldown`` seconds have passed, then one
trial call is let through (half-open): success closes it, failure opens it again.
Breakers are shared by every call in the process; time comes from the caller's clock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

__all__ = ["Breaker", "BreakerBoard", "default_board"]


@dataclass
class Breaker:
    threshold: int = 5
    cooldown: float = 30.0
    failures: int = 0
    open_until: float | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def allows(self, now: float) -> bool:
        """True when a call may go through (closed, or cooled down and half-open)."""
        with self._lock:
            return self.open_until is None or now >= self.open_until

    def is_open(self, now: float) -> bool:
        return not self.allows(now)

    def remaining(self, now: float) -> float:
        with self._lock:
            return 0.0 if self.open_until is None else max(0.0, self.open_until - now)

    def record_failure(self, now: float) -> None:
        with self._lock:
            self.failures += 1
            half_open = self.open_until is not None and now >= self.open_until
            if half_open or self.failures >= self.threshold:
                self.open_until = now + self.cooldown

    def record_success(self) -> None:
        with self._lock:
            self.failures = 0
            self.open_until = None


class BreakerBoard:
    """One breaker per route entry label (``anthropic/claude-sonnet-4-6``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._breakers: dict[str, Breaker] = {}

    def get(self, label: str, *, threshold: int, cooldown: float) -> Breaker:
        with self._lock:
            breaker = self._breakers.get(label)
            if breaker is None:
                breaker = Breaker(threshold=threshold, cooldown=cooldown)
                self._breakers[label] = breaker
            else:
                breaker.threshold, breaker.cooldown = threshold, cooldown
            return breaker

    def reset(self) -> None:
        with self._lock:
            self._breakers.clear()


_BOARD = BreakerBoard()


def default_board() -> BreakerBoard:
    """The process-wide board the router uses unless given another."""
    return _BOARD
