"""Shared pieces of the provider tests: the synthetic note and answers, a fake clock, and the
request the runtime would build. (A uniquely named module, so ``import conftest`` ambiguity
between test folders can never bite.)"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agentkit.providers.base import ProviderRequest, ProviderResponse
from agentkit.providers.router import Router, Validation
from agentkit.runtime.hashing import idempotency_key, input_hash
from agentkit.runtime.parse import ParseFailure, parse_output
from agentkit.spec.compiled import CompiledSpec

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
