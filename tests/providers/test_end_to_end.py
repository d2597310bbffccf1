"""A compiled spec called for real: prompt -> SDK -> wire -> parse -> checks -> Result.

Only environment variables point the official SDKs at the fake server, as a user would.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from provider_support import BAD_QUOTE, GOOD, NOTE, SPEC_PATH, TOO_MANY_UNITS

import agentkit
from agentkit.errors import OutputInvalid, ProviderAuthError
from agentkit.result import Status
from agentkit.testing.fake_llm_server import Answer, Fail, FakeLLMServer

pytestmark = pytest.mark.usefixtures("wired")


@pytest.fixture(autouse=True)
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An agentkit.toml with prices for the test models; traces go to a temp dir."""
    config = tmp_path / "agentkit.toml"
    config.write_text(
        "[prices]\n"
        '"openai/test-model" = { input = 1.0, output = 4.0 }\n'
        '"anthropic/claude-test" = { input = 3.0, output = 15.0 }\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("AGENTKIT_CONFIG", str(config))
    monkeypatch.setenv("AGENTKIT_TRACE_DIR", str(tmp_path / "traces"))
    return config


def load(route: list[str]) -> Any:
    return agentkit.load(SPEC_PATH, route=route)


def test_openai_route_end_to_end_with_retry_and_reask(wired: FakeLLMServer) -> None:
    wired.script(
        "test-model",
        Fail(429, headers={"retry-after-ms": "1"}),
        Answer(payload=BAD_QUOTE),
        Answer(),
    )
    result = load(["openai/test-model"])(note=NOTE)
    assert result.status == Status.ACCEPTED
    assert result.output.procedures[0].code == "11402"
    assert result.provider == "openai/test-model" and result.model == "test-model"
    assert [a.status for a in result.attempts] == ["retry", "reask", "ok"]
    ids = [a.request_id or "" for a in result.attempts]
    assert len(set(ids)) == 3 and all(i.startswith("req_fake_") for i in ids)
    answered = result.attempts[1:]
    assert result.usage.input_tokens == sum(a.input_tokens for a in answered) > 0
    assert result.usage.output_tokens == sum(a.output_tokens for a in answered) > 0
    expected = sum(a.input_tokens * 1.0 + a.output_tokens * 4.0 for a in answered) / 1e6
    assert result.usage.cost_usd == pytest.approx(expected)
    assert result.usage.attempts == 3
    assert result.idempotency_key
    assert {r.headers["x-agentkit-idempotency-key"] for r in wired.requests} == {
        result.idempotency_key
    }


def test_anthropic_route_end_to_end_enforces_constraints_the_dialect_drops(
    wired: FakeLLMServer,
) -> None:
    wired.script("claude-test", Answer(payload=TOO_MANY_UNITS), Answer())
    result = load(["anthropic/claude-test"])(note=NOTE)
    assert result.output.procedures[0].units == 1
    assert [a.status for a in result.attempts] == ["reask", "ok"]
    assert all(r.status == 200 for r in wired.requests)


def test_missing_key_falls_through_to_the_next_entry(
    wired: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY")
    result = load(["anthropic/claude-test", "openai/test-model"])(note=NOTE)
    assert result.provider == "openai/test-model"
    assert (result.attempts[0].status, result.attempts[0].error) == (
        "skipped",
        "ANTHROPIC_API_KEY is not set",
    )
    assert result.usage.attempts == 1


def test_invalid_answers_never_come_back_as_valid(wired: FakeLLMServer) -> None:
    wired.script("test-model", *[Answer(text="I think it is 11402")] * 3)
    with pytest.raises(OutputInvalid) as info:
        load(["openai/test-model"])(note=NOTE)
    assert [a.status for a in info.value.attempts] == ["reask", "reask", "error"]
    assert "not a JSON object" in str(info.value)


def test_rejected_key_is_a_typed_error_naming_the_variable(
    wired: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-revoked")
    with pytest.raises(ProviderAuthError, match="OPENAI_API_KEY"):
        load(["openai/test-model"])(note=NOTE)


def test_sync_calls_reuse_one_connection_and_async_calls_work_on_their_own_loop(
    wired: FakeLLMServer,
) -> None:
    spec = load(["openai/test-model"])
    spec(note=NOTE)
    spec(note=NOTE)
    assert wired.requests[0].peer == wired.requests[1].peer  # same pooled connection

    async def twice() -> list[Any]:
        return list(await asyncio.gather(spec.acall(note=NOTE), spec.acall(note=NOTE)))

    for result in asyncio.run(twice()):
        assert result.output.model_dump() == GOOD
    spec(note=NOTE)  # the background loop's client is still fine after another loop closed
    assert len(wired.requests) == 5
