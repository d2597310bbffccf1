"""The router: try each route entry in order, retry what is transient, re-ask what is invalid,
fall back when an entry is exhausted, and record every attempt.

The router knows nothing of specs' meaning. The runtime hands it a request and a
``validate`` function that turns a response into an Output instance (or the problems to send
back). For each route entry, in order:

1. skip it (recording why, with no network call) when it is unavailable (no API key) or its
   circuit breaker is open;
2. call it with a per-attempt timeout; transient failures (408, 409, 429, 5xx, 529, connection
   errors, timeouts) are retried with tenacity, honouring ``retry-after``; 400/401/403/404/422
   fail fast (the error says what to fix); quota, refusal, content filter and context
   overflow end the entry without a retry;
3. a truncated answer is tried once more with a doubled ``max_tokens``;
4. an answer that is not JSON, does not fit the Output model, or fails a re-ask check is sent
   back with its problems, up to ``max_attempts`` answers. On the last answer an output that
   fits the model but still fails a re-ask check is accepted: it carries its error findings,
   so the review policy marks the call needs_review. It is never returned as if valid.

An overall deadline, a cost budget and a call budget stop the whole call with
:class:`~agentkit.errors.BudgetExceeded`. Exhausting the route raises one typed error that
carries every attempt.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Final, NoReturn

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception

from agentkit.errors import (
    BudgetExceeded,
    ConfigError,
    ContentFiltered,
    ContextOverflow,
    OutputInvalid,
    ProviderAuthError,
    ProviderError,
    ProviderRequestError,
    QuotaExceeded,
    Refusal,
    RouteExhausted,
)
from agentkit.providers.base import Message, Provider, ProviderRequest, ProviderResponse
from agentkit.providers.breaker import Breaker, BreakerBoard, default_board
from agentkit.providers.cache import ResponseCache, cache_from_config
from agentkit.providers.failures import timeout_failure
from agentkit.providers.pricing import PriceTable, price_table
from agentkit.providers.registry import get_provider, parse_route_entry
from agentkit.providers.retry import BackoffWait, StopWhen, is_transient
from agentkit.result import Attempt, Finding

if TYPE_CHECKING:  # pragma: no cover
    import random

    from pydantic import BaseModel

    from agentkit.config import AgentkitConfig
    from agentkit.spec.model import ModelSettings

__all__ = ["RouteOutcome", "Router", "Validation", "reask_message"]

Sleep = Callable[[float], Awaitable[Any]]


class _FromConfig:
    """Sentinel: build the cache from the config (pass ``cache=None`` to disable it)."""


_FROM_CONFIG: Final = _FromConfig()


@dataclass
class Validation:
    """What the runtime made of one response.

    ``output`` is None when the answer did not fit the Output model; ``problems`` are the lines
    to send back on a re-ask (empty means the answer is acceptable as it is).
    """

    output: BaseModel | None
    problems: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class RouteOutcome:
    output: BaseModel
    findings: list[Finding]
    response: ProviderResponse
    attempts: list[Attempt]
    provider: str
    model: str
    messages: list[Message]
    cached: bool = False


def reask_message(problems: Sequence[str]) -> str:
    lines = "\n".join(f"- {p}" for p in problems)
    return (
        "Your previous answer cannot be accepted:\n"
        f"{lines}\n"
        "Correct these problems and answer again with the complete JSON object only."
    )


@dataclass
class _Call:
    """The state of one call across the whole route."""

    attempts: list[Attempt]
    deadline: float | None
    deadline_s: float | None
    spent: float = 0.0
    calls: int = 0


class _EntryFailed(Exception):
    """A route entry is exhausted; ``error`` is None when its answers were only invalid."""

    def __init__(
        self, label: str, error: ProviderError | None, problems: Sequence[str] = ()
    ) -> None:
        self.label = label
        self.error = error
        self.problems = list(problems)
        super().__init__(str(error) if error else "; ".join(self.problems))


class Router:
    """Runs one request along a route of providers.

    ``clock`` and ``sleep`` are injectable so tests never really wait; ``breakers``, ``cache``
    and ``prices`` default to the process-wide breakers and the config's cache and prices.
    """

    def __init__(
        self,
        route: Sequence[str],
        *,
        config: AgentkitConfig,
        settings: ModelSettings,
        clock: Callable[[], float] = time.perf_counter,
        sleep: Sleep = asyncio.sleep,
        breakers: BreakerBoard | None = None,
        cache: ResponseCache | _FromConfig | None = _FROM_CONFIG,
        prices: PriceTable | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.route = list(route)
        self.config = config
        self.settings = settings
        self.clock = clock
        self.sleep = sleep
        self.breakers = breakers or default_board()
        self.cache = cache_from_config(config) if isinstance(cache, _FromConfig) else cache
        self.prices = prices or price_table(config)
        self.wait = BackoffWait.from_settings(config.router, rng)

    # ------------------------------------------------------------------ the route

    async def run(
        self, request: ProviderRequest, validate: Callable[[ProviderResponse], Validation]
    ) -> RouteOutcome:
        deadline_s = self.settings.deadline or self.config.router.deadline
        call = _Call([], self.clock() + deadline_s if deadline_s else None, deadline_s)
        limits = self.config.router
        failures: list[_EntryFailed] = []
        for entry in self.route:
            provider = self._usable_provider(entry, call)
            if provider is None:
                continue
            breaker = self.breakers.get(
                provider.label, threshold=limits.breaker_failures, cooldown=limits.breaker_cooldown
            )
            now = self.clock()
            if not breaker.allows(now):
                call.attempts.append(
                    Attempt(
                        provider=provider.label,
                        model=provider.model,
                        status="skipped",
                        error_class="CircuitOpen",
                        error=f"circuit open after {breaker.failures} consecutive failures; "
                        f"next try in {breaker.remaining(now):.0f}s",
                    )
                )
                continue
            try:
                return await self._run_entry(provider, breaker, request, validate, call)
            except _EntryFailed as failed:
                failures.append(failed)
        raise self._exhausted(call, failures)

    def _usable_provider(self, entry: str, call: _Call) -> Provider | None:
        try:
            parse_route_entry(entry)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        try:
            provider = get_provider(entry, self.config)
        except ConfigError as exc:
            call.attempts.append(
                Attempt(
                    provider=entry,
                    status="skipped",
                    error_class="ConfigError",
                    error=str(exc)[:500],
                )
            )
            return None
        reason = provider.unavailable_reason()
        if reason:
            call.attempts.append(
                Attempt(
                    provider=provider.label, model=provider.model, status="skipped", error=reason
                )
            )
            return None
        return provider

    # ------------------------------------------------------------------ one entry

    async def _run_entry(
        self,
        provider: Provider,
        breaker: Breaker,
        request: ProviderRequest,
        validate: Callable[[ProviderResponse], Validation],
        call: _Call,
    ) -> RouteOutcome:
        s = self.settings
        label = provider.label
        messages = list(request.messages)
        cache_key = None
        if self.cache is not None and s.temperature == 0 and provider.supports_reask:
            cache_key = self.cache.key(request.fingerprint, label, request.messages)
            hit = self._from_cache(cache_key, provider, validate, call, messages)
            if hit is not None:
                return hit
        max_tokens = s.max_tokens
        ceiling = max(self.config.router.max_tokens_ceiling, s.max_tokens)
        grown = False
        answers = 0
        while True:
            req = replace(
                request,
                messages=tuple(messages),
                model=provider.model,
                temperature=s.temperature,
                max_tokens=max_tokens,
                timeout=s.timeout,
            )
            response, latency = await self._answer(provider, breaker, req, call)
            cost = self._cost(provider, response, call)
            finish = response.finish_reason
            stopped = _finish_error(finish, provider, response)
            if stopped is not None:
                call.attempts.append(
                    _answered(
                        label,
                        response,
                        latency,
                        cost,
                        "error",
                        type(stopped).__name__,
                        str(stopped),
                    )
                )
                raise _EntryFailed(label, stopped)
            if finish == "length":
                if not grown and max_tokens < ceiling:
                    grown, bigger = True, min(max_tokens * 2, ceiling)
                    call.attempts.append(
                        _answered(
                            label,
                            response,
                            latency,
                            cost,
                            "retry",
                            "Truncated",
                            f"answer cut off at max_tokens={max_tokens}; "
                            f"asking once more with {bigger}",
                        )
                    )
                    max_tokens = bigger
                    continue
                problem = (
                    f"the answer was cut off at max_tokens={max_tokens} (finish_reason "
                    "length); raise model.max_tokens in the spec"
                )
                call.attempts.append(
                    _answered(label, response, latency, cost, "error", "Truncated", problem)
                )
                raise _EntryFailed(label, None, [problem])
            answers += 1
            check = validate(response)
            last = answers >= s.max_attempts or not provider.supports_reask
            if check.output is not None and (not check.problems or last):
                note = (
                    "accepted with unresolved problems (review needed): "
                    + "; ".join(check.problems)
                    if check.problems
                    else None
                )
                call.attempts.append(_answered(label, response, latency, cost, "ok", None, note))
                if cache_key is not None and not check.problems and self.cache is not None:
                    self.cache.put(cache_key, response)
                return RouteOutcome(
                    check.output,
                    check.findings,
                    response,
                    call.attempts,
                    label,
                    response.model or provider.model,
                    messages,
                )
            call.attempts.append(
                _answered(
                    label,
                    response,
                    latency,
                    cost,
                    "error" if last else "reask",
                    "OutputInvalid",
                    "; ".join(check.problems),
                )
            )
            if last:
                raise _EntryFailed(label, None, check.problems)
            messages += [
                Message("assistant", response.text, response.tool_call_id, response.parsed),
                Message("user", reask_message(check.problems), response.tool_call_id),
            ]

    def _from_cache(
        self,
        key: str,
        provider: Provider,
        validate: Callable[[ProviderResponse], Validation],
        call: _Call,
        messages: list[Message],
    ) -> RouteOutcome | None:
        assert self.cache is not None
        hit = self.cache.get(key)
        if hit is None:
            return None
        check = validate(hit)
        if check.output is None or check.problems:
            return None  # the checks changed under the cached answer: ask the model again
        call.attempts.append(
            Attempt(
                provider=provider.label,
                model=hit.model,
                status="ok",
                request_id=f"cache:{hit.request_id or key[:16]}",
                finish_reason=hit.finish_reason,
                cost_usd=0.0,
            )
        )
        return RouteOutcome(
            check.output,
            check.findings,
            hit,
            call.attempts,
            provider.label,
            hit.model or provider.model,
            messages,
            cached=True,
        )

    # ------------------------------------------------------------------ one answer, with retries

    async def _answer(
        self, provider: Provider, breaker: Breaker, req: ProviderRequest, call: _Call
    ) -> tuple[ProviderResponse, float]:
        try:
            return await self._once(provider, breaker, req, call)
        except ProviderError as exc:
            if not is_transient(exc):
                self._end_entry(provider, exc, call)
            first_failure = exc
        # Transient: tenacity owns the retries. Its first attempt replays the failure just seen,
        # so the policy sees every real attempt while a call that succeeds at once never pays
        # for the retry machinery.
        cap = self.config.router.retry_after_max
        retries = self.config.router.retries

        def give_up(state: RetryCallState) -> bool:
            outcome = state.outcome
            exc = outcome.exception() if outcome is not None and outcome.failed else None
            retry_after = getattr(exc, "retry_after", None)
            now = self.clock()
            reason = None
            if breaker.is_open(now):
                reason = f"circuit opened after {breaker.failures} consecutive failures"
            elif state.attempt_number > retries:
                reason = f"all {retries} retries used"
            elif retry_after is not None and retry_after > cap:
                reason = (
                    f"retry-after {retry_after:g}s is longer than router.retry_after_max ({cap:g}s)"
                )
            elif call.deadline is not None and now + state.upcoming_sleep >= call.deadline:
                reason = (
                    f"waiting {state.upcoming_sleep:.2f}s would pass the call's "
                    f"{call.deadline_s:g}s deadline"
                )
            if reason and call.attempts:
                last = call.attempts[-1]
                last.error = f"{last.error}; not retried: {reason}"[:500]
            return reason is not None

        def mark_retry(state: RetryCallState) -> None:
            call.attempts[-1].status = "retry"

        retrying = AsyncRetrying(
            stop=StopWhen(give_up),
            wait=self.wait,
            retry=retry_if_exception(is_transient),
            sleep=self.sleep,
            before_sleep=mark_retry,
            reraise=True,
        )
        replay: list[ProviderError] = [first_failure]
        try:
            async for attempt in retrying:
                with attempt:
                    if replay:
                        raise replay.pop()
                    return await self._once(provider, breaker, req, call)
        except ProviderError as exc:
            self._end_entry(provider, exc, call)
        raise AssertionError("tenacity ended without an outcome")  # pragma: no cover

    @staticmethod
    def _end_entry(provider: Provider, exc: ProviderError, call: _Call) -> NoReturn:
        """Fail fast (a configuration problem) or end this entry so the route falls back."""
        if _fails_fast(exc):
            exc.attempts = call.attempts
            raise exc
        raise _EntryFailed(provider.label, exc) from exc

    async def _once(
        self, provider: Provider, breaker: Breaker, req: ProviderRequest, call: _Call
    ) -> tuple[ProviderResponse, float]:
        self._check_budget(call)
        timeout = req.timeout
        if call.deadline is not None:
            timeout = max(0.001, min(timeout, call.deadline - self.clock()))
            if timeout != req.timeout:
                req = replace(req, timeout=timeout)
        call.calls += 1
        start = self.clock()
        try:
            async with asyncio.timeout(timeout):
                response = await provider.generate(req)
        except TimeoutError:
            failure = timeout_failure(provider.name, provider.model, timeout)
            self._record_failure(provider, breaker, failure, start, call)
            raise failure from None
        except ProviderError as exc:
            self._record_failure(provider, breaker, exc, start, call)
            raise
        breaker.record_success()
        return response, self.clock() - start

    def _record_failure(
        self, provider: Provider, breaker: Breaker, exc: ProviderError, start: float, call: _Call
    ) -> None:
        now = self.clock()
        if exc.retryable:
            breaker.record_failure(now)
        call.attempts.append(
            Attempt(
                provider=provider.label,
                model=provider.model,
                status="error",
                error_class=type(exc).__name__,
                error=str(exc)[:500] or type(exc).__name__,
                latency_s=round(now - start, 6),
                request_id=exc.request_id,
            )
        )

    # ------------------------------------------------------------------ budgets and costs

    def _check_budget(self, call: _Call) -> None:
        n = len([a for a in call.attempts if a.status != "skipped"])
        if call.deadline is not None and self.clock() >= call.deadline:
            raise BudgetExceeded(
                f"the call's deadline of {call.deadline_s:g}s passed after {n} attempt(s); raise "
                "model.deadline in the spec or router.deadline in agentkit.toml",
                call.attempts,
            )
        budget = self.settings.max_cost_usd
        if budget is not None and call.spent >= budget:
            raise BudgetExceeded(
                f"the call's budget of ${budget:.4f} is spent (${call.spent:.4f} over {n} "
                "attempt(s)); raise model.max_cost_usd in the spec",
                call.attempts,
            )
        max_calls = self.config.router.max_calls
        if max_calls is not None and call.calls >= max_calls:
            raise BudgetExceeded(
                f"the call used its {max_calls} provider call(s) (router.max_calls)", call.attempts
            )

    def _cost(self, provider: Provider, response: ProviderResponse, call: _Call) -> float | None:
        cost = self.prices.cost(
            provider.name,
            provider.model,
            response.input_tokens,
            response.output_tokens,
            response.model,
        )
        if cost is not None:
            call.spent += cost
        return cost

    # ------------------------------------------------------------------ the end of the route

    def _exhausted(self, call: _Call, failures: list[_EntryFailed]) -> Exception:
        tried = [a for a in call.attempts if a.status != "skipped"]
        if not tried:
            why = "; ".join(f"{a.provider}: {a.error}" for a in call.attempts)
            return RouteExhausted(f"no provider on the route could be used ({why})", call.attempts)
        if call.deadline is not None and self.clock() >= call.deadline:
            return BudgetExceeded(
                f"the call's deadline of {call.deadline_s:g}s passed; every entry tried failed "
                f"({_summary(failures)})",
                call.attempts,
            )
        errors = [f.error for f in failures]
        if failures and all(e is None for e in errors):
            problems = failures[-1].problems
            return OutputInvalid(
                "no answer fitted the output contract: " + "; ".join(problems[:5]),
                call.attempts,
                problems,
            )
        typed = [e for e in errors if e is not None]
        if (
            len(typed) == len(errors)
            and len({type(e) for e in typed}) == 1
            and isinstance(typed[0], _TERMINAL)
        ):
            # Every entry ended the same non-transient way (all refused, all out of quota):
            # that typed error says more than "exhausted".
            error = typed[-1]
            error.attempts = call.attempts
            return error
        exhausted = RouteExhausted(
            f"every route entry failed ({_summary(failures)})", call.attempts
        )
        exhausted.__cause__ = typed[-1] if typed else None
        return exhausted


#: Answers that end an entry with a verdict rather than a fault; when every entry ends the same
#: way, that typed error is raised instead of RouteExhausted.
_TERMINAL = (Refusal, ContentFiltered, ContextOverflow, QuotaExceeded)


def _fails_fast(exc: ProviderError) -> bool:
    """400/401/403/404/422 from a server: a configuration problem no fallback should hide."""
    return isinstance(exc, ProviderAuthError | ProviderRequestError) and exc.status is not None


def _finish_error(
    finish: str, provider: Provider, response: ProviderResponse
) -> ProviderError | None:
    common: dict[str, Any] = {
        "provider": provider.name,
        "model": provider.model,
        "request_id": response.request_id,
    }
    if finish == "refusal":
        reason = (response.refusal or response.text or "no reason given").strip()[:300]
        return Refusal(f"the model refused to answer: {reason}", **common)
    if finish == "content_filter":
        return ContentFiltered("the provider's content filter stopped the answer", **common)
    if finish == "context_overflow":
        return ContextOverflow(
            "the prompt and answer do not fit the model's context window; use a model with a "
            "larger window or shorten the input",
            **common,
        )
    return None


def _answered(
    label: str,
    response: ProviderResponse,
    latency: float,
    cost: float | None,
    status: Any,
    error_class: str | None,
    error: str | None,
) -> Attempt:
    return Attempt(
        provider=label,
        model=response.model,
        status=status,
        error_class=error_class,
        error=error[:500] if error else None,
        latency_s=round(latency, 6),
        request_id=response.request_id,
        finish_reason=response.finish_reason,
        input_tokens=response.input_tokens,
        output_tokens=response.output_tokens,
        cost_usd=cost,
    )


def _summary(failures: list[_EntryFailed]) -> str:
    parts = []
    for f in failures:
        if f.error is not None:
            parts.append(f"{type(f.error).__name__}: {f.error}")
        else:
            parts.append(f"{f.label}: invalid answers: {'; '.join(f.problems[:3])}")
    return "; ".join(parts)[:2000]
