"""The router: try each route entry in order, re-ask on invalid answers, fall back on failure.

The router knows nothing of specs' meaning. The runtime hands it a request and a
``validate`` function that turns a response into an Output instance (or the problems to send
back); the router decides what to try next and records every attempt.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from agentkit.errors import OutputInvalid, ProviderError, RouteExhausted
from agentkit.providers.base import Message, ProviderRequest, ProviderResponse
from agentkit.providers.registry import get_provider
from agentkit.result import Attempt, Finding

if TYPE_CHECKING:  # pragma: no cover
    from pydantic import BaseModel

    from agentkit.config import AgentkitConfig
    from agentkit.spec.model import ModelSettings

__all__ = ["RouteOutcome", "Router", "Validation", "reask_message"]


@dataclass
class Validation:
    """What the runtime made of one response.

    ``output`` is None when the answer did not fit the Output model; ``problems`` are the lines
    to send back on a re-ask (empty means the answer is acceptable as it is).
    """

    output: BaseModel | None
    problems: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class RouteOutcome:
    output: BaseModel
    findings: list[Finding]
    response: ProviderResponse
    attempts: list[Attempt]
    provider: str
    model: str
    messages: list[Message]


def reask_message(problems: Sequence[str]) -> str:
    lines = "\n".join(f"- {p}" for p in problems)
    return (
        "Your previous answer cannot be accepted:\n"
        f"{lines}\n"
        "Correct these problems and answer again with the complete JSON object only."
    )


class Router:
    """Runs one request along a route of providers."""

    def __init__(
        self,
        route: Sequence[str],
        *,
        config: AgentkitConfig,
        settings: ModelSettings,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.route = list(route)
        self.config = config
        self.settings = settings
        self.clock = clock

    async def run(
        self, request: ProviderRequest, validate: Callable[[ProviderResponse], Validation]
    ) -> RouteOutcome:
        attempts: list[Attempt] = []
        last_problems: list[str] = []
        invalid_only = True
        for entry in self.route:
            provider = get_provider(entry, self.config)
            reason = provider.unavailable_reason()
            if reason:
                attempts.append(Attempt(provider=provider.label, model=provider.model,
                                        status="skipped", error=reason))
                continue
            messages = list(request.messages)
            for n in range(self.settings.max_attempts):
                req = replace(
                    request,
                    messages=tuple(messages),
                    model=provider.model,
                    temperature=self.settings.temperature,
                    max_tokens=self.settings.max_tokens,
                    timeout=self.settings.timeout,
                )
                start = self.clock()
                try:
                    response = await asyncio.wait_for(provider.generate(req), self.settings.timeout)
                except (ProviderError, TimeoutError) as exc:
                    invalid_only = False
                    attempts.append(_failed(provider.label, provider.model, exc, self.clock() - start))
                    break
                latency = self.clock() - start
                check = validate(response)
                last = n == self.settings.max_attempts - 1 or not provider.supports_reask
                if check.output is not None and (not check.problems or last):
                    attempts.append(_ok(provider.label, response, latency))
                    return RouteOutcome(check.output, check.findings, response, attempts,
                                        provider.label, response.model or provider.model, messages)
                last_problems = check.problems
                status = "error" if last else "reask"
                attempts.append(_ok(provider.label, response, latency, status=status,
                                    error="; ".join(check.problems)[:500]))
                if last:
                    break
                messages += [
                    Message("assistant", response.text, response.tool_call_id, response.parsed),
                    Message("user", reask_message(check.problems), response.tool_call_id),
                ]
        tried = [a for a in attempts if a.status != "skipped"]
        if not tried:
            why = "; ".join(f"{a.provider}: {a.error}" for a in attempts)
            raise RouteExhausted(f"no provider on the route could be used ({why})", attempts)
        if invalid_only and last_problems:
            raise OutputInvalid(
                "no answer fitted the output contract: " + "; ".join(last_problems[:5]),
                attempts,
                last_problems,
            )
        summary = "; ".join(f"{a.provider}: {a.error_class or a.status}" for a in tried)
        raise RouteExhausted(f"every route entry failed ({summary})", attempts)


def _ok(label: str, response: ProviderResponse, latency: float, *, status: Any = "ok",
        error: str | None = None) -> Attempt:
    return Attempt(
        provider=label,
        model=response.model,
        status=status,
        error=error,
        error_class="OutputInvalid" if status != "ok" else None,
        latency_s=round(latency, 6),
        request_id=response.request_id,
        finish_reason=response.finish_reason,
        input_tokens=response.input_tokens,
        output_tokens=response.output_tokens,
    )


def _failed(label: str, model: str, exc: BaseException, latency: float) -> Attempt:
    return Attempt(
        provider=label,
        model=model,
        status="error",
        error_class=type(exc).__name__,
        error=str(exc)[:500] or type(exc).__name__,
        latency_s=round(latency, 6),
        request_id=getattr(exc, "request_id", None),
    )
