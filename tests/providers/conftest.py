"""Fixtures for provider tests: a fake LLM server on loopback, fake keys, a fast clock.

Nothing here touches the network: the official SDKs talk to ``FakeLLMServer`` on 127.0.0.1.
Sleeps are recorded by :class:`FakeClock` instead of waited for.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from provider_support import GOOD as GOOD_ANSWER
from provider_support import SPEC_PATH, FakeClock, RouterFactory

from agentkit.config import AgentkitConfig, RouterSettings
from agentkit.providers.breaker import BreakerBoard, default_board
from agentkit.providers.cache import ResponseCache
from agentkit.providers.registry import clear_pool
from agentkit.providers.router import Router
from agentkit.spec.compiled import CompiledSpec
from agentkit.spec.compiler import compile_spec
from agentkit.testing.fake_llm_server import FakeLLMServer


@pytest.fixture
def server() -> Iterator[FakeLLMServer]:
    with FakeLLMServer(answer=GOOD_ANSWER) as fake:
        yield fake


@pytest.fixture
def wired(server: FakeLLMServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeLLMServer]:
    """The SDKs' own environment variables pointed at the fake server, with fake keys."""
    monkeypatch.setenv("OPENAI_API_KEY", server.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", server.openai_base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", server.api_key)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", server.anthropic_base_url)
    monkeypatch.setenv("OPENAI_COMPATIBLE_BASE_URL", server.openai_base_url)
    monkeypatch.delenv("OPENAI_COMPATIBLE_API_KEY", raising=False)
    monkeypatch.delenv("AGENTKIT_ROUTE", raising=False)
    monkeypatch.delenv("AGENTKIT_CACHE", raising=False)
    clear_pool()
    default_board().reset()
    yield server
    clear_pool()
    default_board().reset()


@pytest.fixture
def spec() -> CompiledSpec[Any, Any]:
    return compile_spec(SPEC_PATH)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_router(spec: CompiledSpec[Any, Any], clock: FakeClock) -> RouterFactory:
    """``make_router(route, retries=..., max_attempts=..., ...)``: a router on the fake clock."""

    def build(
        route: list[str],
        *,
        config: AgentkitConfig | None = None,
        cache: ResponseCache | None = None,
        breakers: BreakerBoard | None = None,
        **changes: Any,
    ) -> Router:
        router_fields = set(RouterSettings.model_fields)
        router_changes = {k: v for k, v in changes.items() if k in router_fields}
        model_changes = {k: v for k, v in changes.items() if k not in router_fields}
        cfg = config or AgentkitConfig()
        cfg = cfg.model_copy(update={"router": cfg.router.model_copy(update=router_changes)})
        settings = spec.model_settings.model_copy(update=model_changes)
        return Router(
            route,
            config=cfg,
            settings=settings,
            clock=clock,
            sleep=clock.sleep,
            breakers=breakers or BreakerBoard(),
            cache=cache,
        )

    return build
