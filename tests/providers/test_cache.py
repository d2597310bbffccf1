"""The optional on-disk answer cache for temperature-0 calls."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from provider_support import BAD_QUOTE, GOOD, SPEC_PATH, RouterFactory, make_request

from agentkit.config import AgentkitConfig, CacheSettings
from agentkit.providers.base import ProviderResponse
from agentkit.providers.cache import ResponseCache, cache_from_config
from agentkit.providers.router import RouteOutcome
from agentkit.spec.compiler import compile_spec
from agentkit.testing.fake_llm_server import Answer, FakeLLMServer

pytestmark = pytest.mark.usefixtures("wired")

ENTRY = "openai/test-model"


def call(
    make_router: RouterFactory, spec: Any, cache: ResponseCache, **changes: Any
) -> RouteOutcome:
    request, validate = make_request(spec)
    return asyncio.run(make_router([ENTRY], cache=cache, **changes).run(request, validate))


def test_a_repeated_call_is_served_from_the_cache(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, tmp_path: Path
) -> None:
    cache = ResponseCache(tmp_path / "cache")
    first = call(make_router, spec, cache)
    second = call(make_router, spec, cache)
    assert not first.cached and second.cached
    assert second.output.model_dump() == GOOD
    assert len(wired.requests) == 1
    assert second.attempts[0].request_id == f"cache:{first.response.request_id}"
    assert second.attempts[0].input_tokens == 0 and second.attempts[0].cost_usd == 0.0


def test_the_answer_obtained_after_a_reask_is_cached_for_the_first_turn(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, tmp_path: Path
) -> None:
    cache = ResponseCache(tmp_path / "cache")
    wired.script("test-model", Answer(payload=BAD_QUOTE), Answer())
    call(make_router, spec, cache)
    assert call(make_router, spec, cache).cached
    assert len(wired.requests) == 2


def test_temperature_above_zero_is_never_cached(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, tmp_path: Path
) -> None:
    cache = ResponseCache(tmp_path / "cache")
    call(make_router, spec, cache, temperature=0.7)
    assert not call(make_router, spec, cache, temperature=0.7).cached
    assert len(wired.requests) == 2


def test_editing_the_spec_misses_the_cache(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, tmp_path: Path
) -> None:
    cache = ResponseCache(tmp_path / "cache")
    call(make_router, spec, cache)
    edited = tmp_path / "procedure_codes.yaml"
    edited.write_text(
        SPEC_PATH.read_text(encoding="utf-8").replace("0.1.0", "0.1.1"), encoding="utf-8"
    )
    other = compile_spec(edited)
    assert other.fingerprint != spec.fingerprint
    assert not call(make_router, other, cache).cached
    assert len(wired.requests) == 2


def test_a_cached_answer_that_no_longer_passes_the_checks_is_not_used(
    wired: FakeLLMServer, spec: Any, make_router: RouterFactory, tmp_path: Path
) -> None:
    cache = ResponseCache(tmp_path / "cache")
    request, _ = make_request(spec)
    cache.put(
        cache.key(spec.fingerprint, ENTRY, request.messages),
        ProviderResponse(parsed=BAD_QUOTE, text="", model="test-model"),
    )
    outcome = call(make_router, spec, cache)
    assert not outcome.cached and outcome.output.model_dump() == GOOD
    assert len(wired.requests) == 1


def test_clear_removes_every_entry(spec: Any, make_router: RouterFactory, tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path / "cache")
    call(make_router, spec, cache)
    assert cache.clear() == 1
    assert not call(make_router, spec, cache).cached


def test_cache_is_enabled_by_config_or_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the user's own settings must not leak into the test
    monkeypatch.delenv("AGENTKIT_CACHE", raising=False)
    monkeypatch.delenv("AGENTKIT_CACHE_DIR", raising=False)
    assert cache_from_config(AgentkitConfig()) is None
    on = cache_from_config(
        AgentkitConfig(cache=CacheSettings(enabled=True, dir=str(tmp_path / "c")))
    )
    assert on is not None and on.directory == tmp_path / "c"
    monkeypatch.setenv("AGENTKIT_CACHE", "1")
    monkeypatch.setenv("AGENTKIT_CACHE_DIR", str(tmp_path / "env"))
    from_env = cache_from_config(AgentkitConfig())
    assert from_env is not None and from_env.directory == tmp_path / "env"
    monkeypatch.setenv("AGENTKIT_CACHE", "0")
    assert cache_from_config(AgentkitConfig(cache=CacheSettings(enabled=True))) is None
