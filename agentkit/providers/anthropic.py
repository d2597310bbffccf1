"""``anthropic/<model>``: the Messages API through the official ``anthropic`` SDK.

Structured output forces one tool whose ``input_schema`` is the Output schema, so the answer
arrives as the tool's parsed input. Anthropic's schema dialect ignores some constraints
(minimum/maximum, lengths); our validation of the parsed output still enforces them. A re-ask
answers the ``tool_use`` with a ``tool_result`` marked ``is_error``, as the wire requires.
The SDK's retries are off (``max_retries=0``); ``ANTHROPIC_API_KEY`` and ``ANTHROPIC_BASE_URL``
work as they do with the SDK alone. The SDK has no ``temperature`` parameter, so none is sent.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import anthropic

from agentkit.errors import ProviderError
from agentkit.providers.base import Message, ProviderRequest, ProviderResponse
from agentkit.providers.client_pool import ClientPool
from agentkit.providers.credentials import HttpProvider
from agentkit.providers.failures import (
    connection_failure,
    retry_after_seconds,
    status_failure,
    timeout_failure,
)
from agentkit.providers.openai import IDEMPOTENCY_HEADER, tool_name

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.config import AgentkitConfig, ProviderSettings

__all__ = ["AnthropicProvider", "create", "render_messages"]

_STOP = {
    "end_turn": "stop",
    "tool_use": "stop",
    "stop_sequence": "stop",
    "pause_turn": "stop",
    "max_tokens": "length",
    "refusal": "refusal",
    "model_context_window_exceeded": "context_overflow",
}
_DEFAULT_TIMEOUT = 60.0


class AnthropicProvider(HttpProvider):
    name: ClassVar[str] = "anthropic"
    key_env_default: ClassVar[str] = "ANTHROPIC_API_KEY"
    base_url_env_default: ClassVar[str] = "ANTHROPIC_BASE_URL"

    def __init__(self, model: str, settings: ProviderSettings) -> None:
        super().__init__(model, settings)
        self._clients: ClientPool[anthropic.AsyncAnthropic] = ClientPool()

    def _client(self) -> anthropic.AsyncAnthropic:
        key = self.api_key() or ""
        base_url = self.base_url()

        def make() -> anthropic.AsyncAnthropic:
            # The key is passed explicitly so the SDK never goes looking for profiles on disk.
            return anthropic.AsyncAnthropic(
                api_key=key,
                base_url=base_url,
                max_retries=0,
                timeout=self.settings.timeout or _DEFAULT_TIMEOUT,
                default_headers=self.settings.headers or None,
            )

        return self._clients.get((key, base_url), make)

    async def generate(self, request: ProviderRequest) -> ProviderResponse:
        client = self._client()
        name = tool_name(request.schema_name)
        system = "\n\n".join(m.content for m in request.messages if m.role == "system")
        kwargs: dict[str, Any] = {
            "model": self.model,
            "max_tokens": request.max_tokens,
            "messages": render_messages(request.messages, name),
            "tools": [
                {
                    "name": name,
                    "description": "Record the complete answer. Call this exactly once.",
                    "input_schema": request.output_schema,
                }
            ],
            "tool_choice": {"type": "tool", "name": name},
            "timeout": request.timeout,
        }
        if system:
            kwargs["system"] = system
        if request.idempotency_key:
            kwargs["extra_headers"] = {IDEMPOTENCY_HEADER: request.idempotency_key}
        start = time.perf_counter()
        try:
            message = await client.messages.create(**kwargs)
        except anthropic.APIStatusError as exc:
            raise self._failure(exc) from None
        except anthropic.APITimeoutError:
            raise timeout_failure(self.name, self.model, request.timeout) from None
        except anthropic.APIConnectionError as exc:
            raise connection_failure(self.name, self.model, exc.__cause__ or exc) from None
        return self._response(message, name, time.perf_counter() - start)

    def _failure(self, exc: anthropic.APIStatusError) -> ProviderError:
        message, code = _error_fields(exc.body)
        return status_failure(
            exc.status_code,
            provider=self.name,
            model=self.model,
            message=message or exc.message,
            code=code,
            key_env=self.key_env,
            request_id=getattr(exc, "request_id", None),
            retry_after=retry_after_seconds(exc.response.headers),
        )

    def _response(self, message: Any, name: str, latency: float) -> ProviderResponse:
        stop = str(message.stop_reason or "end_turn")
        request_id = getattr(message, "_request_id", None)
        usage = message.usage
        input_tokens = (
            int(usage.input_tokens or 0)
            + int(getattr(usage, "cache_creation_input_tokens", 0) or 0)
            + int(getattr(usage, "cache_read_input_tokens", 0) or 0)
        )
        output_tokens = int(usage.output_tokens or 0)
        parsed: Any = None
        call_id: str | None = None
        texts: list[str] = []
        for block in message.content:
            kind = getattr(block, "type", "")
            if kind == "tool_use" and block.name == name and call_id is None:
                parsed, call_id = block.input, block.id
            elif kind == "text":
                texts.append(block.text)
        text = json.dumps(parsed, ensure_ascii=False) if call_id is not None else "\n".join(texts)
        finish = _STOP.get(stop, "stop")
        return ProviderResponse(
            parsed=parsed,
            text=text,
            model=str(message.model or self.model),
            finish_reason=finish,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            request_id=request_id,
            latency_s=latency,
            tool_call_id=call_id,
            refusal=("\n".join(texts) or "the model refused to answer")
            if finish == "refusal"
            else None,
        )

    async def aclose(self) -> None:
        await self._clients.aclose()


def render_messages(messages: Sequence[Message], name: str) -> list[dict[str, Any]]:
    """Abstract turns on the Messages wire (system prompts go to the ``system`` parameter).

    An assistant turn that answered through the tool becomes a ``tool_use`` block; the user turn
    answering its id starts with the matching ``tool_result`` block (``is_error``: the answer
    was not accepted), which the API requires immediately after every ``tool_use``.
    """
    out: list[dict[str, Any]] = []
    open_calls: set[str] = set()
    for m in messages:
        if m.role == "system":
            continue
        if m.role == "assistant":
            if m.tool_call_id and isinstance(m.payload, dict):
                out.append(
                    {
                        "role": "assistant",
                        "content": [
                            {
                                "type": "tool_use",
                                "id": m.tool_call_id,
                                "name": name,
                                "input": m.payload,
                            }
                        ],
                    }
                )
                open_calls.add(m.tool_call_id)
            else:
                out.append({"role": "assistant", "content": m.content or "(no answer)"})
        elif m.tool_call_id and m.tool_call_id in open_calls:
            out.append(
                {
                    "role": "user",
                    "content": [
                        {
                            "type": "tool_result",
                            "tool_use_id": m.tool_call_id,
                            "content": m.content,
                            "is_error": True,
                        }
                    ],
                }
            )
            open_calls.discard(m.tool_call_id)
        else:
            out.append({"role": "user", "content": m.content})
    return out


def _error_fields(body: Any) -> tuple[str | None, str | None]:
    """Message and most specific code of an error body (read here, not from SDK attributes,
    so older SDKs work too): ``{"error": {"type", "message", "details": {"error_code"}}}``."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return None, None
    details = error.get("details")
    code = details.get("error_code") if isinstance(details, dict) else None
    code = code or error.get("type")
    message = error.get("message")
    return (str(message) if message else None), (str(code) if code else None)


def create(model: str, config: AgentkitConfig) -> AnthropicProvider:
    return AnthropicProvider(model, config.provider("anthropic"))
