"""The router against the real SDKs and a fake server on loopback: retries, fallback, breaker,
budgets, re-ask, truncation and typed errors. Sleeps go to a fake clock and are asserted."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from provider_support import (
    BAD_QUOTE,
    GOOD,
    NOTE,
    TOO_MANY_UNITS,
    WRONG_SHAPE,
    FakeClock,
    RouterFactory,
    make_request,
)

from agentkit.config import AgentkitConfig, Price
from agentkit.errors import (
    BudgetExceeded,
    ContentFiltered,
    ContextOverflow,
    OutputInvalid,
    ProviderAuthError,
    ProviderRequestError,
    QuotaExceeded,
    Refusal,
    RouteExhausted,
)
from agentkit.providers.base import Provider, ProviderRequest, ProviderResponse
from agentkit.providers.breaker import BreakerBoard
from agentkit.providers.openai import IDEMPOTENCY_HEADER
from agentkit.providers.registry import register_provider
from agentkit.providers.router import RouteOutcome, Router
from agentkit.spec.compiled import CompiledSpec
from agentkit.testing.fake_llm_server import (
    Answer,
    ContentFilter,
    Fail,
    FakeLLMServer,
    Refuse,
    Reset,
)

pytestmark = pytest.mark.usefixtures("wired")

OPENAI = "openai/test-model"
ANTHROPIC = "anthropic/claude-test"


def run(router: Router, spec: CompiledSpec[Any, Any], note: str = NOTE) -> RouteOutcome:
    request, validate = make_request(spec, note)
    return asyncio.run(router.run(request, validate))


def statuses(attempts: list[Any]) -> list[str]:
    return [a.status for a in attempts]


# --------------------------------------------------------------------------- transient failures


def test_429_retry_after_is_honoured(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, clock: FakeClock
) -> None:
    wired.script("test-model", Fail(429, headers={"retry-after": "2"}), Answer())
    outcome = run(make_router([OPENAI]), spec)
    assert outcome.output.model_dump() == GOOD
    assert statuses(outcome.attempts) == ["retry", "ok"]
    assert outcome.attempts[0].error_class == "ProviderUnavailable"
    assert "rate limited (429" in (outcome.attempts[0].error or "")
    assert clock.sleeps == [2.0]
    assert [r.status for r in wired.requests] == [429, 200]


def test_retry_after_ms_wins_over_retry_after(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, clock: FakeClock
) -> None:
    wired.script(
        "test-model", Fail(429, headers={"retry-after-ms": "1500", "retry-after": "9"}), Answer()
    )
    run(make_router([OPENAI]), spec)
    assert clock.sleeps == [1.5]


def test_server_errors_back_off_exponentially_with_jitter(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, clock: FakeClock
) -> None:
    wired.script("test-model", Fail(500), Fail(502), Fail(503), Answer())
    outcome = run(make_router([OPENAI], retries=3, backoff_initial=0.5, backoff_max=1.5), spec)
    assert statuses(outcome.attempts) == ["retry", "retry", "retry", "ok"]
    assert len(clock.sleeps) == 3
    nominal = [0.5, 1.0, 1.5]  # doubling, capped by backoff_max
    for slept, base in zip(clock.sleeps, nominal, strict=True):
        assert base / 2 <= slept <= base


def test_anthropic_529_overloaded_is_retried(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, clock: FakeClock
) -> None:
    wired.script("claude-test", Fail(529), Answer())
    outcome = run(make_router([ANTHROPIC]), spec)
    assert outcome.provider == ANTHROPIC
    assert statuses(outcome.attempts) == ["retry", "ok"]
    assert "overloaded (529" in (outcome.attempts[0].error or "")
    assert len(clock.sleeps) == 1


def test_connection_reset_is_retried(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Reset(), Answer())
    outcome = run(make_router([OPENAI]), spec)
    assert statuses(outcome.attempts) == ["retry", "ok"]
    assert "connection failed" in (outcome.attempts[0].error or "")


def test_reply_slower_than_the_timeout_is_retried(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Answer(delay=5.0), Answer())
    outcome = run(make_router([OPENAI], timeout=0.5), spec)
    assert statuses(outcome.attempts) == ["retry", "ok"]
    assert "no answer within 0.5s" in (outcome.attempts[0].error or "")


def test_sdk_retries_are_off_so_nothing_retries_twice(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Fail(500), Fail(500), Fail(500))
    with pytest.raises(RouteExhausted):
        run(make_router([OPENAI], retries=0), spec)
    assert len(wired.requests) == 1


# --------------------------------------------------------------------------- fallback and breaker


def test_exhausted_entry_falls_back_to_the_next(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, clock: FakeClock
) -> None:
    wired.script("test-model", Fail(503), Fail(503), Fail(503))
    outcome = run(make_router([OPENAI, ANTHROPIC], retries=2), spec)
    assert outcome.provider == ANTHROPIC
    assert [(a.provider, a.status) for a in outcome.attempts] == [
        (OPENAI, "retry"),
        (OPENAI, "retry"),
        (OPENAI, "error"),
        (ANTHROPIC, "ok"),
    ]
    assert len(clock.sleeps) == 2
    assert all(a.request_id and a.request_id.startswith("req_fake_") for a in outcome.attempts)


def test_long_retry_after_falls_back_without_waiting(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, clock: FakeClock
) -> None:
    wired.script("test-model", Fail(429, headers={"retry-after": "120"}))
    outcome = run(make_router([OPENAI, ANTHROPIC], retry_after_max=60.0), spec)
    assert outcome.provider == ANTHROPIC
    assert clock.sleeps == []
    assert "not retried: retry-after 120s is longer than router.retry_after_max" in (
        outcome.attempts[0].error or ""
    )


def test_circuit_breaker_skips_a_failing_provider_then_lets_one_trial_through(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, clock: FakeClock
) -> None:
    board = BreakerBoard()
    wired.script("test-model", Fail(500), Fail(500))
    first = run(
        make_router(
            [OPENAI, ANTHROPIC],
            retries=1,
            breaker_failures=2,
            breaker_cooldown=30.0,
            breakers=board,
        ),
        spec,
    )
    assert first.provider == ANTHROPIC
    assert "circuit opened" in (first.attempts[1].error or "")

    second = run(
        make_router([OPENAI, ANTHROPIC], breaker_failures=2, breaker_cooldown=30.0, breakers=board),
        spec,
    )
    assert second.attempts[0].status == "skipped"
    assert second.attempts[0].error_class == "CircuitOpen"
    assert len(wired.requests_for("test-model")) == 2  # no call while open

    clock.now += 31.0
    third = run(
        make_router([OPENAI, ANTHROPIC], breaker_failures=2, breaker_cooldown=30.0, breakers=board),
        spec,
    )
    assert third.provider == OPENAI
    assert board.get(OPENAI, threshold=2, cooldown=30.0).failures == 0


# --------------------------------------------------------------------------- fail fast


def test_rejected_key_fails_fast_naming_the_variable(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-wrong")
    with pytest.raises(ProviderAuthError) as info:
        run(make_router([OPENAI, ANTHROPIC]), spec)
    assert "OPENAI_API_KEY" in str(info.value)
    assert info.value.status == 401
    assert len(wired.requests) == 1  # not retried, no fallback hiding the bad key
    attempts = info.value.attempts  # type: ignore[attr-defined]
    assert [(a.status, a.error_class) for a in attempts] == [("error", "ProviderAuthError")]


def test_missing_key_skips_the_entry_without_a_network_call(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY")
    outcome = run(make_router([ANTHROPIC, OPENAI]), spec)
    assert outcome.provider == OPENAI
    assert (outcome.attempts[0].status, outcome.attempts[0].error) == (
        "skipped",
        "ANTHROPIC_API_KEY is not set",
    )
    assert {r.wire for r in wired.requests} == {"openai"}


def test_no_usable_provider_raises_route_exhausted(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY")
    monkeypatch.delenv("OPENAI_API_KEY")
    with pytest.raises(RouteExhausted) as info:
        run(make_router([ANTHROPIC, OPENAI]), spec)
    assert "ANTHROPIC_API_KEY is not set" in str(info.value)
    assert "OPENAI_API_KEY is not set" in str(info.value)
    assert wired.requests == []


@pytest.mark.parametrize("status", [400, 403, 404, 422])
def test_client_errors_are_not_retried(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, clock: FakeClock, status: int
) -> None:
    wired.script("test-model", Fail(status, message="nope"))
    expected = ProviderAuthError if status == 403 else ProviderRequestError
    with pytest.raises(expected) as info:
        run(make_router([OPENAI, ANTHROPIC]), spec)
    assert info.value.status == status
    assert len(wired.requests) == 1 and clock.sleeps == []


def test_quota_429s_are_not_transient(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, clock: FakeClock
) -> None:
    wired.script(
        "test-model",
        Fail(429, message="You exceeded your current quota.", code="insufficient_quota"),
    )
    wired.script(
        "claude-test",
        Fail(429, message="Spend limit reached.", code="enforced_spend_limit_reached"),
    )
    with pytest.raises(QuotaExceeded) as info:
        run(make_router([OPENAI, ANTHROPIC]), spec)
    assert clock.sleeps == []
    assert len(wired.requests) == 2  # one per entry, never retried
    attempts = info.value.attempts  # type: ignore[attr-defined]
    assert [a.error_class for a in attempts] == ["QuotaExceeded", "QuotaExceeded"]


def test_context_overflow_is_typed(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script(
        "test-model",
        Fail(
            400,
            code="context_length_exceeded",
            message="This model's maximum context length is 8192 tokens.",
        ),
    )
    with pytest.raises(ContextOverflow):
        run(make_router([OPENAI]), spec)
    assert len(wired.requests) == 1


# ----------------------------------------------------------------------- refusals and truncation


def test_refusal_is_a_typed_error_and_never_reasked(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Refuse("I can't help with that."))
    with pytest.raises(Refusal) as info:
        run(make_router([OPENAI], max_attempts=3), spec)
    assert "I can't help with that." in str(info.value)
    assert len(wired.requests) == 1


def test_refusal_falls_back_to_another_provider(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("claude-test", Refuse())
    outcome = run(make_router([ANTHROPIC, OPENAI]), spec)
    assert outcome.provider == OPENAI
    assert outcome.attempts[0].error_class == "Refusal"


def test_content_filter_is_a_typed_error(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", ContentFilter())
    with pytest.raises(ContentFiltered):
        run(make_router([OPENAI]), spec)


@pytest.mark.parametrize(
    ("entry", "budget_key"), [(OPENAI, "max_completion_tokens"), (ANTHROPIC, "max_tokens")]
)
def test_truncation_retries_once_with_a_doubled_budget(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, entry: str, budget_key: str
) -> None:
    wired.script(entry.split("/")[1], Answer(finish="length"), Answer())
    outcome = run(make_router([entry], max_tokens=1000), spec)
    assert statuses(outcome.attempts) == ["retry", "ok"]
    assert outcome.attempts[0].error_class == "Truncated"
    assert [r.body[budget_key] for r in wired.requests] == [1000, 2000]


def test_truncated_twice_is_invalid_output(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Answer(finish="length"), Answer(finish="length"))
    with pytest.raises(OutputInvalid) as info:
        run(make_router([OPENAI], max_tokens=1000), spec)
    assert "cut off at max_tokens=2000" in str(info.value)


# --------------------------------------------------------------------------- re-ask


def test_non_json_answer_is_reasked(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Answer(text="Sure! The code is 11402."), Answer())
    outcome = run(make_router([OPENAI]), spec)
    assert statuses(outcome.attempts) == ["reask", "ok"]
    second = wired.requests[1].body["messages"]
    assert second[-2] == {"role": "assistant", "content": "Sure! The code is 11402."}
    assert second[-1]["role"] == "user" and "not a JSON object" in second[-1]["content"]
    assert all(r.status == 200 for r in wired.requests)


def test_anthropic_reask_answers_the_tool_use_with_an_error_tool_result(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    # Anthropic ignores maximum in tool schemas; our validation still catches units=9.
    wired.script("claude-test", Answer(payload=TOO_MANY_UNITS), Answer(payload=BAD_QUOTE), Answer())
    outcome = run(make_router([ANTHROPIC], max_attempts=3), spec)
    assert statuses(outcome.attempts) == ["reask", "reask", "ok"]
    assert all(r.status == 200 for r in wired.requests)  # the server rejects invalid wires
    last = wired.requests[-1].body["messages"]
    assert [m["role"] for m in last] == ["user", "assistant", "user", "assistant", "user"]
    for use_turn, result_turn in ((last[1], last[2]), (last[3], last[4])):
        use = use_turn["content"][0]
        result = result_turn["content"][0]
        assert use["type"] == "tool_use" and result["type"] == "tool_result"
        assert result["tool_use_id"] == use["id"] and result["is_error"] is True
    assert "less than or equal to 4" in last[2]["content"][0]["content"]
    assert "does not occur in the note" in last[4]["content"][0]["content"]


def test_reask_check_failure_on_openai_is_sent_back(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Answer(payload=BAD_QUOTE), Answer())
    outcome = run(make_router([OPENAI]), spec)
    assert statuses(outcome.attempts) == ["reask", "ok"]
    assert 'quote "removed a mole" does not occur in the note' in (outcome.attempts[0].error or "")
    assert not [f for f in outcome.findings if f.severity == "error"]


def test_exhausted_reasks_raise_output_invalid_with_every_attempt(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Answer(payload=WRONG_SHAPE), Answer(payload=WRONG_SHAPE))
    with pytest.raises(OutputInvalid) as info:
        run(make_router([OPENAI], max_attempts=2), spec)
    assert statuses(info.value.attempts) == ["reask", "error"]
    assert any("confidence" in e for e in info.value.errors)
    assert any("code" in e for e in info.value.errors)


def test_last_answer_failing_a_reask_check_is_returned_with_its_error_findings(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Answer(payload=BAD_QUOTE), Answer(payload=BAD_QUOTE))
    outcome = run(make_router([OPENAI], max_attempts=2), spec)
    assert statuses(outcome.attempts) == ["reask", "ok"]
    assert "accepted with unresolved problems" in (outcome.attempts[-1].error or "")
    errors = [f for f in outcome.findings if f.severity == "error"]
    assert errors and errors[0].check == "quotes_in_source"
    assert spec.decide_review(outcome.output, outcome.findings).needed


class _Deterministic(Provider):
    """A third-party style backend that cannot be re-asked (like local or replay)."""

    name = "static-test"
    supports_reask = False
    answer: Any = None
    calls = 0

    async def generate(self, request: ProviderRequest) -> ProviderResponse:
        type(self).calls += 1
        return ProviderResponse(parsed=type(self).answer, text="", model="static")


register_provider("static-test", lambda model, config: _Deterministic(model), needs_model=False)


@pytest.mark.parametrize(("answer", "accepted"), [(WRONG_SHAPE, False), (BAD_QUOTE, True)])
def test_providers_that_cannot_be_reasked_are_asked_once(
    spec: Any, make_router: RouterFactory, answer: Any, accepted: bool
) -> None:
    _Deterministic.answer, _Deterministic.calls = answer, 0
    router = make_router(["static-test"], max_attempts=3)
    if accepted:
        outcome = run(router, spec)
        assert [f.check for f in outcome.findings if f.severity == "error"] == ["quotes_in_source"]
    else:
        with pytest.raises(OutputInvalid):
            run(router, spec)
    assert _Deterministic.calls == 1


# --------------------------------------------------------------------------- usage, cost, budgets


def priced(input_per_m: float, output_per_m: float) -> AgentkitConfig:
    return AgentkitConfig(prices={OPENAI: Price(input=input_per_m, output=output_per_m)})


def test_usage_and_cost_count_every_attempt(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Fail(500), Answer(text="not json"), Answer())
    outcome = run(make_router([OPENAI], config=priced(2.0, 8.0)), spec)
    answered = [a for a in outcome.attempts if a.finish_reason]
    assert len(answered) == 2 and all(a.input_tokens > 0 and a.output_tokens > 0 for a in answered)
    for a in answered:
        assert a.cost_usd == pytest.approx((a.input_tokens * 2.0 + a.output_tokens * 8.0) / 1e6)
    assert outcome.attempts[0].cost_usd is None and outcome.attempts[0].input_tokens == 0


def test_cost_budget_stops_the_call(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Answer(payload=WRONG_SHAPE), Answer())
    with pytest.raises(BudgetExceeded) as info:
        run(make_router([OPENAI], config=priced(100_000.0, 100_000.0), max_cost_usd=0.01), spec)
    assert "budget of $0.0100 is spent" in str(info.value)
    assert statuses(info.value.attempts) == ["reask"]
    assert len(wired.requests) == 1


def test_call_budget_stops_retries(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Fail(500), Fail(500), Fail(500))
    with pytest.raises(BudgetExceeded) as info:
        run(make_router([OPENAI], retries=5, max_calls=2), spec)
    assert len(wired.requests) == 2
    assert len(info.value.attempts) == 2


def test_deadline_caps_the_waits(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, clock: FakeClock
) -> None:
    wired.script("test-model", *[Fail(429, headers={"retry-after": "2"})] * 4)
    with pytest.raises(RouteExhausted) as info:
        run(make_router([OPENAI], retries=5, deadline=5.0), spec)
    assert clock.sleeps == [2.0, 2.0]  # a third wait would pass the 5 s deadline
    assert "would pass the call's 5s deadline" in (info.value.attempts[-1].error or "")


def test_deadline_bounds_a_slow_provider(
    spec: Any, make_router: RouterFactory, wired: FakeLLMServer
) -> None:
    import time

    wired.script("test-model", Answer(delay=5.0))
    router = make_router([OPENAI, ANTHROPIC], deadline=0.3, timeout=5.0)
    router.clock = time.perf_counter  # real time: the per-attempt timeout is cut to what is left
    with pytest.raises(BudgetExceeded) as info:
        run(router, spec)
    assert re.search(r"no answer within 0\.[0-3]\d*s", info.value.attempts[0].error or "")
    assert not wired.requests_for("claude-test")


def test_idempotency_key_is_sent_and_stable_across_retries(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory
) -> None:
    wired.script("test-model", Fail(500), Answer(text="oops"), Answer())
    run(make_router([OPENAI]), spec)
    request, _ = make_request(spec)
    assert request.idempotency_key
    assert {r.headers[IDEMPOTENCY_HEADER.lower()] for r in wired.requests} == {
        request.idempotency_key
    }
