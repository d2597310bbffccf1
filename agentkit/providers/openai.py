"""``openai/<model>``: Chat Completions through the official ``openai`` SDK.

Structured output uses ``response_format: json_schema`` with ``strict: true``, so the model is
held to the Output schema by the API itself; our own validation still runs on every answer.
The SDK's retries are off (``max_retries=0``): the router owns retries, so nothing retries
twice. ``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` work as they do with the SDK alone.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import openai

from agentkit.errors import ProviderError, ProviderRequestError
from agentkit.providers.base import Message, ProviderRequest, ProviderResponse
from agentkit.providers.client_pool import ClientPool
from agentkit.providers.credentials import HttpProvider
from agentkit.providers.failures import (
    connection_failure,
    retry_after_seconds,
    status_failure,
    timeout_failure,
)

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.config import AgentkitConfig, ProviderSettings

__all__ = ["IDEMPOTENCY_HEADER", "OpenAIProvider", "StructuredMode", "create", "render_messages"]

#: Sent with every request so server logs, traces, caches and batch runs can be joined.
IDEMPOTENCY_HEADER = "X-Agentkit-Idempotency-Key"

#: How the Output schema is imposed: the API's strict schema, JSON mode + schema in the
#: prompt, or the prompt alone (servers with neither).
StructuredMode = Literal["json_schema", "json_object", "prompt"]

_FINISH = {
    "stop": "stop",
    "length": "length",
    "content_filter": "content_filter",
    "tool_calls": "stop",
    "function_call": "stop",
}
_TOOL_NAME = re.compile(r"[^a-zA-Z0-9_-]")
_DEFAULT_TIMEOUT = 60.0


class OpenAIProvider(HttpProvider):
    """The OpenAI Chat Completions wire; :mod:`openai_compatible` reuses it for other servers."""

    name: ClassVar[str] = "openai"
    key_env_default: ClassVar[str] = "OPENAI_API_KEY"
    base_url_env_default: ClassVar[str] = "OPENAI_BASE_URL"
    key_required: ClassVar[bool] = True
    #: OpenAI's current name for the answer budget; older servers only know ``max_tokens``.
    tokens_param: ClassVar[str] = "max_completion_tokens"

    def __init__(self, model: str, settings: ProviderSettings) -> None:
        super().__init__(model, settings)
        self._clients: ClientPool[openai.AsyncOpenAI] = ClientPool()
        self._send_temperature = True

    # ------------------------------------------------------------------ configuration

    def structured_mode(self) -> StructuredMode:
        return "json_schema"

    def _client(self) -> openai.AsyncOpenAI:
        key = self.api_key() or "not-needed"
        base_url = self.base_url()

        def make() -> openai.AsyncOpenAI:
            return openai.AsyncOpenAI(
                api_key=key,
                base_url=base_url,
                organization=self.settings.organization,
                max_retries=0,
                timeout=self.settings.timeout or _DEFAULT_TIMEOUT,
                default_headers=self.settings.headers or None,
            )

        return self._clients.get((key, base_url), make)

    # ------------------------------------------------------------------ the call

    async def generate(self, request: ProviderRequest) -> ProviderResponse:
        client = self._client()
        start = time.perf_counter()
        completion, mode = await self._create(client, request)
        return self._response(completion, request, mode, time.perf_counter() - start)

    async def _create(
        self, client: openai.AsyncOpenAI, request: ProviderRequest
    ) -> tuple[Any, StructuredMode]:
        # A rejected parameter (temperature on a reasoning model, json_schema on a server that
        # lacks it) is adjusted once and the request sent again; anything else is an error.
        for _ in range(4):  # at most: temperature, json_schema, json_object
            mode = self.structured_mode()
            kwargs = self._params(request, mode)
            try:
                completion = await client.chat.completions.create(**kwargs)
            except openai.APIStatusError as exc:
                if exc.status_code in (400, 422) and self._adjust(exc, mode):
                    continue
                raise self._failure(exc) from None
            except openai.APITimeoutError:
                raise timeout_failure(self.name, self.model, request.timeout) from None
            except openai.APIConnectionError as exc:
                raise connection_failure(self.name, self.model, exc.__cause__ or exc) from None
            return completion, mode
        raise ProviderRequestError(
            "the server kept rejecting the request's parameters (400)",
            provider=self.name,
            model=self.model,
            status=400,
        )

    def _params(self, request: ProviderRequest, mode: StructuredMode) -> dict[str, Any]:
        schema_note = None if mode == "json_schema" else schema_instruction(request.output_schema)
        params: dict[str, Any] = {
            "model": self.model,
            "messages": render_messages(
                request.messages, tool_name(request.schema_name), schema_note
            ),
            self.tokens_param: request.max_tokens,
            "timeout": request.timeout,
        }
        if self._send_temperature:
            params["temperature"] = request.temperature
        if mode == "json_schema":
            params["response_format"] = {
                "type": "json_schema",
                "json_schema": {
                    "name": tool_name(request.schema_name),
                    "schema": request.output_schema,
                    "strict": True,
                },
            }
        elif mode == "json_object":
            params["response_format"] = {"type": "json_object"}
        if request.idempotency_key:
            params["extra_headers"] = {IDEMPOTENCY_HEADER: request.idempotency_key}
        return params

    def _adjust(self, exc: openai.APIStatusError, mode: StructuredMode) -> bool:
        """Drop ``temperature`` when the model refuses it (reasoning models only take 1)."""
        text = f"{exc.message} {exc.param or ''}".lower()
        if self._send_temperature and (
            exc.param == "temperature"
            or ("temperature" in text and ("unsupported" in text or "not support" in text))
        ):
            self._send_temperature = False
            return True
        return False

    def _failure(self, exc: openai.APIStatusError) -> ProviderError:
        headers = exc.response.headers if exc.response is not None else None
        return status_failure(
            exc.status_code,
            provider=self.name,
            model=self.model,
            message=_error_text(exc),
            code=exc.code or exc.type,
            key_env=self.key_env,
            key_set=self.api_key() is not None,
            base_url=self.base_url() if self.name != "openai" else None,
            request_id=getattr(exc, "request_id", None),
            retry_after=retry_after_seconds(headers),
        )

    def _response(
        self, completion: Any, request: ProviderRequest, mode: StructuredMode, latency: float
    ) -> ProviderResponse:
        usage = getattr(completion, "usage", None)
        input_tokens = int(getattr(usage, "prompt_tokens", 0) or 0)
        output_tokens = int(getattr(usage, "completion_tokens", 0) or 0)
        choices = getattr(completion, "choices", None) or []
        text, refusal, finish = "", None, "stop"
        if choices:
            choice = choices[0]
            message = choice.message
            text = message.content or ""
            if not text and message.tool_calls:
                function = getattr(message.tool_calls[0], "function", None)
                text = str(getattr(function, "arguments", "") or "")
            refusal = message.refusal or None
            finish = _FINISH.get(str(choice.finish_reason), "stop")
            if refusal:
                finish, text = "refusal", refusal
        return ProviderResponse(
            parsed=_json_or_none(text) if finish != "refusal" else None,
            text=text,
            model=str(getattr(completion, "model", "") or self.model),
            finish_reason=finish,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            request_id=getattr(completion, "_request_id", None),
            latency_s=latency,
            refusal=refusal,
            extra={"structured_mode": mode} if mode != "json_schema" else {},
        )

    async def aclose(self) -> None:
        await self._clients.aclose()


def render_messages(
    messages: Sequence[Message], function_name: str, schema_note: str | None = None
) -> list[dict[str, Any]]:
    """Abstract turns on the Chat Completions wire.

    An assistant turn that answered through a tool call keeps its ``tool_calls`` and the user
    turn answering that call id becomes a ``tool`` message, as the API requires; with
    ``response_format`` the assistant turn is plain content and the re-ask a user message.
    """
    out: list[dict[str, Any]] = []
    open_calls: set[str] = set()
    for m in messages:
        if m.role == "system":
            out.append({"role": "system", "content": m.content})
        elif m.role == "assistant":
            if m.tool_call_id and m.payload is not None:
                out.append(
                    {
                        "role": "assistant",
                        "content": None,
                        "tool_calls": [
                            {
                                "id": m.tool_call_id,
                                "type": "function",
                                "function": {
                                    "name": function_name,
                                    "arguments": json.dumps(m.payload),
                                },
                            }
                        ],
                    }
                )
                open_calls.add(m.tool_call_id)
            else:
                out.append({"role": "assistant", "content": m.content})
        elif m.tool_call_id and m.tool_call_id in open_calls:
            out.append({"role": "tool", "tool_call_id": m.tool_call_id, "content": m.content})
            open_calls.discard(m.tool_call_id)
        else:
            out.append({"role": "user", "content": m.content})
    if schema_note:
        if out and out[0]["role"] == "system":
            out[0] = {**out[0], "content": f"{out[0]['content']}\n\n{schema_note}"}
        else:
            out.insert(0, {"role": "system", "content": schema_note})
    return out


def schema_instruction(schema: dict[str, Any]) -> str:
    """The schema spelt out in the prompt, for servers that cannot enforce it themselves."""
    return (
        "Answer with one JSON object only, no prose and no code fences. It must match this "
        "JSON Schema exactly:\n" + json.dumps(schema, ensure_ascii=False, separators=(",", ":"))
    )


def tool_name(schema_name: str) -> str:
    """A schema / tool name every wire accepts: ``[a-zA-Z0-9_-]{1,64}``."""
    return _TOOL_NAME.sub("_", schema_name)[:64] or "output"


def _json_or_none(text: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _error_text(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return str(body["message"])
    return exc.message


def create(model: str, config: AgentkitConfig) -> OpenAIProvider:
    return OpenAIProvider(model, config.provider("openai"))
