"""Where an HTTP provider finds its key and base URL (the part that is not the API shape).

The SDKs' own environment variables work unchanged; ``[providers.<name>]`` in agentkit.toml can
name other variables (``api_key_env``, ``base_url_env``) or give a fixed ``base_url``. Keys are
only ever read from the environment, never from the config file.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, ClassVar

from agentkit.providers.base import Provider

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.config import ProviderSettings

__all__ = ["HttpProvider"]


class HttpProvider(Provider):
    """A provider reached over HTTP with an API key: credentials and base URL resolution."""

    key_env_default: ClassVar[str]
    base_url_env_default: ClassVar[str]
    key_required: ClassVar[bool] = True

    def __init__(self, model: str, settings: ProviderSettings) -> None:
        super().__init__(model)
        self.settings = settings

    @property
    def key_env(self) -> str:
        return self.settings.api_key_env or self.key_env_default

    def api_key(self) -> str | None:
        return os.environ.get(self.key_env) or None

    def base_url(self) -> str | None:
        if self.settings.base_url:
            return self.settings.base_url
        if self.settings.base_url_env and os.environ.get(self.settings.base_url_env):
            return os.environ[self.settings.base_url_env]
        return os.environ.get(self.base_url_env_default) or None

    def unavailable_reason(self) -> str | None:
        if self.key_required and not self.api_key():
            return f"{self.key_env} is not set"
        return None
