"""What each adapter puts on its wire, checked by the fake server the way the real APIs check
it, and what it makes of the answers."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from provider_support import GOOD, NOTE, RouterFactory, make_request

from agentkit.config import AgentkitConfig, ProviderSettings
from agentkit.errors import ProviderAuthError
from agentkit.providers.anthropic import AnthropicProvider
from agentkit.providers.anthropic import render_messages as anthropic_messages
from agentkit.providers.base import Message
from agentkit.providers.openai import OpenAIProvider
from agentkit.providers.openai import render_messages as openai_messages
from agentkit.providers.openai_compatible import OpenAICompatibleProvider
from agentkit.providers.registry import resolve
from agentkit.testing.fake_llm_server import (
    Answer,
    Fail,
    FakeLLMServer,
    anthropic_wire_problems,
    openai_wire_problems,
    strict_schema_problems,
)

pytestmark = pytest.mark.usefixtures("wired")


def generate(provider: Any, spec: Any) -> Any:
    request, _ = make_request(spec)
    from dataclasses import replace

    return asyncio.run(provider.generate(replace(request, model=provider.model)))


# --------------------------------------------------------------------------- OpenAI


def test_openai_sends_a_strict_json_schema_and_reads_the_answer(
    wired: FakeLLMServer, spec: Any
) -> None:
    provider = resolve("openai/test-model", AgentkitConfig())
    assert isinstance(provider, OpenAIProvider)
    response = generate(provider, spec)
    assert response.parsed == GOOD
    assert response.finish_reason == "stop"
    assert response.request_id and response.request_id.startswith("req_fake_")
    assert response.input_tokens > 0 and response.output_tokens > 0
    body = wired.requests[0].body
    fmt = body["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    assert fmt["json_schema"]["schema"] == spec.output_schema
    assert strict_schema_problems(spec.output_schema) == []
    assert (
        body["temperature"] == 0 and body["max_completion_tokens"] == spec.model_settings.max_tokens
    )
    assert wired.requests[0].headers["x-stainless-retry-count"] == "0"


def test_openai_drops_temperature_when_the_model_rejects_it(
    wired: FakeLLMServer, spec: Any
) -> None:
    wired.script(
        "test-model",
        Fail(
            400,
            message="Unsupported value: 'temperature' does not support 0 "
            "with this model. Only the default (1) value is supported.",
            code="unsupported_value",
        ),
    )
    provider = resolve("openai/test-model", AgentkitConfig())
    assert generate(provider, spec).parsed == GOOD
    assert "temperature" in wired.requests[0].body and "temperature" not in wired.requests[1].body
    generate(provider, spec)
    assert "temperature" not in wired.requests[2].body  # remembered for this model


def test_openai_rejected_key_names_the_configured_variable(
    wired: FakeLLMServer, spec: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEAM_OPENAI_KEY", "sk-wrong")
    config = AgentkitConfig(providers={"openai": ProviderSettings(api_key_env="TEAM_OPENAI_KEY")})
    provider = resolve("openai/test-model", config)
    with pytest.raises(ProviderAuthError, match="TEAM_OPENAI_KEY"):
        generate(provider, spec)


def test_openai_tool_call_reask_is_answered_by_a_tool_message() -> None:
    turns = [
        Message("system", "Code the note."),
        Message("user", "note: ..."),
        Message("assistant", '{"a": 1}', "call_1", {"a": 1}),
        Message("user", "problems: ...", "call_1"),
    ]
    wire = openai_messages(turns, "out")
    assert wire[2]["tool_calls"][0]["id"] == "call_1"
    assert wire[3] == {"role": "tool", "tool_call_id": "call_1", "content": "problems: ..."}
    assert openai_wire_problems({"model": "m", "messages": wire}) == []


def test_openai_server_accepts_the_tool_call_conversation(wired: FakeLLMServer, spec: Any) -> None:
    from dataclasses import replace

    request, _ = make_request(spec)
    system, user = request.messages
    turns = (
        system,
        user,
        Message("assistant", "{}", "call_7", {"procedures": []}),
        Message("user", "procedures: at least one code is expected", "call_7"),
    )
    provider = resolve("openai/test-model", AgentkitConfig())
    response = asyncio.run(provider.generate(replace(request, messages=turns, model="test-model")))
    assert response.parsed == GOOD
    sent = wired.requests[0]
    assert sent.status == 200
    assert [m["role"] for m in sent.body["messages"]] == ["system", "user", "assistant", "tool"]


# --------------------------------------------------------------------------- Anthropic


def test_anthropic_forces_one_tool_whose_input_schema_is_the_output(
    wired: FakeLLMServer, spec: Any
) -> None:
    provider = resolve("anthropic/claude-test", AgentkitConfig())
    assert isinstance(provider, AnthropicProvider)
    response = generate(provider, spec)
    assert response.parsed == GOOD and response.tool_call_id
    body = wired.requests[0].body
    assert body["tools"][0]["input_schema"] == spec.output_schema
    assert body["tool_choice"] == {"type": "tool", "name": body["tools"][0]["name"]}
    assert body["system"] and all(m["role"] != "system" for m in body["messages"])
    assert body["max_tokens"] == spec.model_settings.max_tokens


def test_anthropic_wire_requires_a_tool_result_for_every_tool_use() -> None:
    use = {
        "role": "assistant",
        "content": [{"type": "tool_use", "id": "t1", "name": "out", "input": {}}],
    }
    dangling = {
        "model": "m",
        "max_tokens": 5,
        "messages": [
            {"role": "user", "content": "hi"},
            use,
            {"role": "user", "content": "again"},
        ],
    }
    problems = anthropic_wire_problems(dangling, {"anthropic-version": "x"})
    assert any("without `tool_result`" in p for p in problems)
    rendered = anthropic_messages(
        [
            Message("user", "hi"),
            Message("assistant", "{}", "t1", {}),
            Message("user", "fix it", "t1"),
        ],
        "out",
    )
    assert (
        anthropic_wire_problems(
            {"model": "m", "max_tokens": 5, "messages": rendered}, {"anthropic-version": "x"}
        )
        == []
    )


def test_anthropic_text_answer_is_reasked_as_plain_turns() -> None:
    rendered = anthropic_messages(
        [
            Message("user", "hi"),
            Message("assistant", "no json here"),
            Message("user", "fix it"),
        ],
        "out",
    )
    assert [m["content"] for m in rendered] == ["hi", "no json here", "fix it"]


# --------------------------------------------------------------------------- OpenAI-compatible


def test_openai_compatible_needs_a_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_COMPATIBLE_BASE_URL")
    provider = resolve("openai-compatible/llama3", AgentkitConfig())
    assert "OPENAI_COMPATIBLE_BASE_URL" in (provider.unavailable_reason() or "")
    config = AgentkitConfig(
        providers={"openai-compatible": ProviderSettings(base_url="http://127.0.0.1:1/v1")}
    )
    assert resolve("openai-compatible/llama3", config).unavailable_reason() is None


def test_openai_compatible_falls_back_to_json_mode_with_the_schema_in_the_prompt(
    wired: FakeLLMServer, spec: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_COMPATIBLE_API_KEY", wired.api_key)
    wired.no_json_schema.add("llama3")
    provider = resolve("openai-compatible/llama3", AgentkitConfig())
    assert isinstance(provider, OpenAICompatibleProvider)
    response = generate(provider, spec)
    assert response.parsed == GOOD and response.extra["structured_mode"] == "json_object"
    rejected, accepted = wired.requests
    assert rejected.status == 400 and rejected.body["response_format"]["type"] == "json_schema"
    assert accepted.body["response_format"] == {"type": "json_object"}
    assert '"procedures"' in accepted.body["messages"][0]["content"]  # the schema, in the prompt
    assert "max_tokens" in accepted.body and "max_completion_tokens" not in accepted.body
    generate(provider, spec)
    assert wired.requests[2].body["response_format"] == {"type": "json_object"}  # remembered


def test_openai_compatible_prompt_only_mode_still_validates(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_COMPATIBLE_API_KEY", wired.api_key)
    config = AgentkitConfig(providers={"openai-compatible": ProviderSettings(json_schema="no")})
    wired.script(
        "llama3",
        Fail(400, message="response_format json_object is not supported"),
        Answer(text=f"Here you go:\n```json\n{__import__('json').dumps(GOOD)}\n```"),
    )
    request, validate = make_request(spec)
    outcome = asyncio.run(
        make_router(["openai-compatible/llama3"], config=config).run(request, validate)
    )
    assert outcome.output.model_dump() == GOOD
    assert "response_format" not in wired.requests[-1].body


def test_openai_compatible_key_is_optional_but_sent_when_set(
    wired: FakeLLMServer, spec: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    provider = resolve("openai-compatible/llama3", AgentkitConfig())
    with pytest.raises(ProviderAuthError, match=r"requires an API key.*OPENAI_COMPATIBLE_API_KEY"):
        generate(provider, spec)  # the fake server wants a key; none was set
    monkeypatch.setenv("OPENAI_COMPATIBLE_API_KEY", wired.api_key)
    assert generate(provider, spec).parsed == GOOD


# --------------------------------------------------------------------------- the fake server itself


def test_fake_server_rejects_a_tool_message_that_answers_no_call() -> None:
    body = {
        "model": "m",
        "messages": [
            {"role": "user", "content": "hi"},
            {"role": "tool", "tool_call_id": "x", "content": "?"},
        ],
    }
    assert any("must be a response to a preceding" in p for p in openai_wire_problems(body))


def test_fake_server_rejects_non_strict_schemas_and_json_mode_without_json() -> None:
    loose = {"type": "object", "properties": {"a": {"type": "string"}}}
    assert len(strict_schema_problems(loose)) == 2
    body = {
        "model": "m",
        "messages": [{"role": "user", "content": "hi"}],
        "response_format": {"type": "json_object"},
    }
    assert any("must contain the word 'json'" in p for p in openai_wire_problems(body))


def test_fake_server_rejects_a_wrong_key(
    wired: FakeLLMServer, spec: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "wrong")
    with pytest.raises(ProviderAuthError, match="ANTHROPIC_API_KEY"):
        generate(resolve("anthropic/claude-test", AgentkitConfig()), spec)
    assert wired.requests[0].status == 401


def test_synthetic_note_is_what_is_sent(wired: FakeLLMServer, spec: Any) -> None:
    generate(resolve("openai/test-model", AgentkitConfig()), spec)
    assert NOTE in wired.requests[0].body["messages"][-1]["content"]
