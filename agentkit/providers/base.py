"""The one small interface every backend implements.

A provider turns a :class:`ProviderRequest` (chat messages plus the output JSON Schema) into a
:class:`ProviderResponse` (the parsed JSON it produced plus usage and ids). It knows nothing
of specs' meaning or of medical coding; retries, fallback and re-ask live in the router.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

__all__ = ["Message", "Provider", "ProviderRequest", "ProviderResponse"]

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True)
class Message:
    """One chat turn, independent of any wire format.

    Re-ask turns carry ``tool_call_id``: the assistant turn that answered through a forced tool
    (Anthropic ``tool_use``, OpenAI ``tool_calls``) keeps the call id and its ``payload``, and the
    user turn with the validation errors answers that id, so each adapter can emit the
    ``tool_result`` / ``tool`` message its wire requires.
    """

    role: Role
    content: str
    tool_call_id: str | None = None
    payload: Any = None


@dataclass(frozen=True)
class ProviderRequest:
    """Everything a backend may need for one attempt.

    LLM backends use ``messages`` and ``output_schema``; the offline coder and replay use
    ``spec``, ``inputs`` and the hashes instead.
    """

    spec: str
    fingerprint: str
    input_hash: str
    inputs: dict[str, Any]
    messages: tuple[Message, ...]
    output_schema: dict[str, Any]
    schema_name: str
    model: str = ""
    temperature: float = 0.0
    max_tokens: int = 4096
    timeout: float = 60.0
    idempotency_key: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ProviderResponse:
    """What came back.

    ``finish_reason`` is normalised across wires: stop, length, refusal, content_filter,
    context_overflow.
    """

    parsed: Any
    text: str
    model: str
    finish_reason: str = "stop"
    input_tokens: int = 0
    output_tokens: int = 0
    request_id: str | None = None
    latency_s: float = 0.0
    tool_call_id: str | None = None
    refusal: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Provider(ABC):
    """Base class for backends. Subclasses set ``name`` and implement :meth:`generate`."""

    name: ClassVar[str]
    #: False for deterministic backends (local, replay): asking again gives the same answer.
    supports_reask: ClassVar[bool] = True

    def __init__(self, model: str = "") -> None:
        self.model = model

    @property
    def label(self) -> str:
        """The route entry this instance serves, e.g. ``openai/gpt-5.4-mini``."""
        return f"{self.name}/{self.model}" if self.model else self.name

    def unavailable_reason(self) -> str | None:
        """Why this provider cannot be used right now (e.g. a missing API key), else None.

        The router skips an unavailable entry without a network call and records why.
        """
        return None

    @abstractmethod
    async def generate(self, request: ProviderRequest) -> ProviderResponse:
        """Produce one answer; on failure raise an ``agentkit.errors.ProviderError`` subclass."""

    async def aclose(self) -> None:  # noqa: B027 (an optional hook, not abstract)
        """Release network clients. The default has nothing to release."""
