"""Fixtures for provider tests: a fake LLM server on loopback, fake keys, a fast clock.

Nothing here touches the network: the official SDKs talk to ``FakeLLMServer`` on 127.0.0.1.
Sleeps are recorded by :class:`FakeClock` instead of waited for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from agentkit.config import AgentkitConfig, RouterSettings
from agentkit.providers.base import ProviderRequest, ProviderResponse
from agentkit.providers.breaker import BreakerBoard, default_board
from agentkit.providers.cache import ResponseCache
from agentkit.providers.registry import clear_pool
from agentkit.providers.router import Router, Validation
from agentkit.runtime.hashing import idempotency_key, input_hash
from agentkit.runtime.parse import ParseFailure, parse_output
from agentkit.spec.compiled import CompiledSpec
from agentkit.spec.compiler import compile_spec
from agentkit.testing.fake_llm_server import FakeLLMServer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "providers"
SPEC_PATH = FIXTURES / "procedure_codes.yaml"

# Synthetic note, written for these tests.
NOTE = "Excision of a 1.2 cm benign lesion of the upper back, closed with simple sutures."
QUOTE = "Excision of a 1.2 cm benign lesion"
GOOD = {"procedures": [{"code": "11402", "units": 1, "evidence": QUOTE, "confidence": 0.9}]}
BAD_QUOTE = {
    "procedures": [{"code": "11402", "units": 1, "evidence": "removed a mole", "confidence": 0.9}]
}
TOO_MANY_UNITS = {
    "procedures": [{"code": "11402", "units": 9, "evidence": QUOTE, "confidence": 0.9}]
}
WRONG_SHAPE = {"procedures": [{"code": "ABCDE", "units": 1, "evidence": QUOTE}]}


@dataclass
class FakeClock:
    """A clock that only moves when the router sleeps; ``sleeps`` are the requested waits."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def server() -> Iterator[FakeLLMServer]:
    with FakeLLMServer(answer=GOOD) as fake:
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


def make_request(
    spec: CompiledSpec[Any, Any], note: str = NOTE
) -> tuple[ProviderRequest, Callable[[ProviderResponse], Validation]]:
    """The request and validate function the runtime builds for one call (same public steps)."""
    inputs = spec.validate_inputs(note=note)
    data = inputs.model_dump(mode="json")
    ihash = input_hash(data)
    request = ProviderRequest(
        spec=spec.name,
        fingerprint=spec.fingerprint,
        input_hash=ihash,
        inputs=data,
        messages=tuple(spec.render(inputs)),
        output_schema=spec.output_schema,
        schema_name=spec.schema_name,
        idempotency_key=idempotency_key(spec.fingerprint, ihash),
    )

    def validate(response: ProviderResponse) -> Validation:
        try:
            output = parse_output(response.parsed, response.text, spec.Output)
        except ParseFailure as exc:
            return Validation(None, exc.problems)
        findings = spec.run_checks(inputs, output)
        return Validation(
            output, [f.message for f in findings if f.reask and f.severity == "error"], findings
        )

    return request, validate


RouterFactory = Callable[..., Router]


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
