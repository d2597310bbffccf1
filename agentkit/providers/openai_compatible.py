"""``openai-compatible/<model>``: any server speaking Chat Completions (vLLM, Ollama,
llama.cpp server, LiteLLM proxy, ...) at a configured base URL.

Servers differ in how much of ``response_format`` they implement. With ``json_schema = "auto"``
(the default) we ask for the strict schema first; if the server rejects it we fall back to
JSON mode with the schema written into the prompt, then to the prompt alone, and remember the
choice for that server. Our own validation enforces the schema whatever the server did.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, ClassVar

import openai

from agentkit.logs import get_logger
from agentkit.providers.openai import OpenAIProvider, StructuredMode

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.config import AgentkitConfig, ProviderSettings

__all__ = ["OpenAICompatibleProvider", "create"]

log = get_logger("agentkit.providers")

_SCHEMA_WORDS = (
    "response_format",
    "json_schema",
    "json schema",
    "json_object",
    "guided",
    "grammar",
    "schema",
)
_NEXT_MODE: dict[StructuredMode, StructuredMode] = {
    "json_schema": "json_object",
    "json_object": "prompt",
}


class OpenAICompatibleProvider(OpenAIProvider):
    name: ClassVar[str] = "openai-compatible"
    key_env_default: ClassVar[str] = "OPENAI_COMPATIBLE_API_KEY"
    base_url_env_default: ClassVar[str] = "OPENAI_COMPATIBLE_BASE_URL"
    key_required: ClassVar[bool] = False
    tokens_param: ClassVar[str] = "max_tokens"

    def __init__(self, model: str, settings: ProviderSettings) -> None:
        super().__init__(model, settings)
        self._modes: dict[str | None, StructuredMode] = {}

    def unavailable_reason(self) -> str | None:
        if not self.base_url():
            env = self.settings.base_url_env or self.base_url_env_default
            return (
                f"no server configured: set {env} "
                "(e.g. http://localhost:8000/v1) or base_url under [providers.openai-compatible]"
            )
        if self.settings.api_key_env and not os.environ.get(self.settings.api_key_env):
            return f"{self.settings.api_key_env} is not set"
        return None

    def structured_mode(self) -> StructuredMode:
        chosen = self.settings.json_schema
        if chosen == "yes":
            return "json_schema"
        start: StructuredMode = "json_object" if chosen == "no" else "json_schema"
        return self._modes.get(self.base_url(), start)

    def _adjust(self, exc: openai.APIStatusError, mode: StructuredMode) -> bool:
        if super()._adjust(exc, mode):
            return True
        if self.settings.json_schema == "yes" or mode not in _NEXT_MODE:
            return False
        text = f"{exc.message} {exc.param or ''}".lower()
        if not any(word in text for word in _SCHEMA_WORDS):
            return False
        fallback = _NEXT_MODE[mode]
        self._modes[self.base_url()] = fallback
        log.warning(
            "response_format_rejected",
            base_url=self.base_url(),
            rejected=mode,
            using=fallback,
        )
        return True


def create(model: str, config: AgentkitConfig) -> OpenAICompatibleProvider:
    return OpenAICompatibleProvider(model, config.provider("openai-compatible"))
