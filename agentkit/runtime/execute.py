"""One call of a compiled spec, from validated inputs to a traced Result."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from agentkit.config import AgentkitConfig, get_config
from agentkit.errors import AgentkitError
from agentkit.logs import get_logger
from agentkit.providers.base import Message, ProviderRequest, ProviderResponse
from agentkit.providers.router import Router, Validation
from agentkit.result import Attempt, Result, Status, Usage
from agentkit.runtime.hashing import idempotency_key, input_hash
from agentkit.runtime.parse import ParseFailure, parse_output
from agentkit.trace.ids import new_id
from agentkit.trace.record import CallRecord, MessageRecord

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.spec.compiled import CompiledSpec
    from agentkit.trace.sink import TraceSink

__all__ = ["execute"]

log = get_logger("agentkit.runtime")  # structlog; the PHI filter drops any note text


async def execute(
    spec: CompiledSpec[Any, Any], inputs: BaseModel, *, config: AgentkitConfig | None = None
) -> Result[Any]:
    """Render, route, parse, check, review and trace one call.

    Raises the typed error when no valid answer could be obtained; the failed call is still
    traced, and the trace id is attached to the exception as ``trace_id``.
    """
    config = config or get_config()
    started = time.perf_counter()
    trace_id = new_id()
    when = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
    inputs_json = inputs.model_dump(mode="json")
    ihash = input_hash(inputs_json)
    key = idempotency_key(spec.fingerprint, ihash)

    candidates = spec.candidate_codes(inputs_json)
    messages = spec.render(inputs, candidates)
    request = ProviderRequest(
        spec=spec.name,
        fingerprint=spec.fingerprint,
        input_hash=ihash,
        inputs=inputs_json,
        messages=tuple(messages),
        output_schema=spec.output_schema,
        schema_name=spec.schema_name,
        idempotency_key=key,
    )

    def validate(response: ProviderResponse) -> Validation:
        try:
            output = parse_output(response.parsed, response.text, spec.Output)
        except ParseFailure as exc:
            return Validation(None, exc.problems)
        findings = spec.run_checks(inputs, output)
        problems = [f.message for f in findings if f.reask and f.severity == "error"]
        return Validation(output, problems, findings)

    router = Router(spec.effective_route(config), config=config, settings=spec.model_settings)
    sink = _sink(config)

    def base() -> dict[str, Any]:
        """The fields every trace record of this call shares (built only when traced)."""
        return {
            "id": trace_id,
            "time": when,
            "spec": spec.name,
            "spec_version": spec.version,
            "fingerprint": spec.fingerprint,
            "spec_path": str(spec.path),
            "idempotency_key": key,
            "input_hash": ihash,
            "inputs": inputs_json,
            "messages": [MessageRecord(role=m.role, content=m.content) for m in messages],
            "prompt_hash": _prompt_hash(messages),
            "text_fields": spec.text_inputs,
            "codeset_versions": _codeset_versions(spec, inputs),
        }

    try:
        outcome = await router.run(request, validate)
    except AgentkitError as exc:
        attempts: list[Attempt] = list(getattr(exc, "attempts", []))
        latency = time.perf_counter() - started
        if sink is not None:
            sink.write_call(
                CallRecord(
                    **base(),
                    attempts=attempts,
                    status=Status.FAILED.value,
                    usage=Usage.from_attempts(attempts, latency),
                    latency_s=latency,
                    error=str(exc),
                    error_class=type(exc).__name__,
                )
            )
        exc.trace_id = trace_id if sink is not None else None  # type: ignore[attr-defined]
        log.info(
            "call_failed",
            spec=spec.name,
            spec_version=spec.version,
            trace_id=trace_id,
            error_class=type(exc).__name__,
            attempts=len(attempts),
            latency_s=round(latency, 3),
        )
        raise

    review = spec.decide_review(outcome.output, outcome.findings)
    status = Status.NEEDS_REVIEW if review.needed else Status.ACCEPTED
    latency = time.perf_counter() - started
    usage = Usage.from_attempts(outcome.attempts, latency)
    # every field is already typed and checked: construct without validating it all again
    result: Result[Any] = Result.model_construct(
        spec=spec.name,
        spec_version=spec.version,
        fingerprint=spec.fingerprint,
        status=status,
        output=outcome.output,
        findings=outcome.findings,
        review=review,
        usage=usage,
        attempts=outcome.attempts,
        trace_id=None,
        idempotency_key=key,
        provider=outcome.provider,
        model=outcome.model,
        error=None,
    )
    if sink is not None:
        fields = base()
        if len(outcome.messages) > len(messages):
            fields["messages"] = [
                MessageRecord(role=m.role, content=m.content, tool_call_id=m.tool_call_id)
                for m in outcome.messages
            ]
        sink.write_call(
            CallRecord(
                **fields,
                attempts=outcome.attempts,
                provider=outcome.provider,
                model=outcome.model,
                request_id=outcome.response.request_id,
                raw_response=outcome.response.text,
                output=outcome.output.model_dump(mode="json"),
                findings=outcome.findings,
                review=review,
                status=status.value,
                usage=usage,
                latency_s=latency,
            )
        )
        result.trace_id = trace_id
    _maybe_record(config, request, outcome.response, outcome.provider)
    return result


def _codeset_versions(spec: CompiledSpec[Any, Any], inputs: BaseModel) -> dict[str, str]:
    uses_coding = any(
        c.check.name not in ("quotes_in_source", "no_duplicate_codes") for c in spec.checks
    )
    if not uses_coding:
        return {}
    try:
        from agentkit.coding import codeset_versions
    except ImportError:
        return {}
    versions: dict[str, str] = codeset_versions(getattr(inputs, "date_of_service", None))
    return versions


def _sink(config: AgentkitConfig) -> TraceSink | None:
    from agentkit.trace.sink import get_sink

    return get_sink(config)


def _maybe_record(
    config: AgentkitConfig, request: ProviderRequest, response: ProviderResponse, provider: str
) -> None:
    if not (config.replay.record or os.environ.get("AGENTKIT_RECORD") in ("1", "true", "yes")):
        return
    if provider.startswith("replay"):
        return
    from agentkit.providers.replay import record_response

    record_response(config, request, response, provider)


def _prompt_hash(messages: list[Message]) -> str:
    digest = hashlib.sha256()
    for m in messages:
        digest.update(m.role.encode())
        digest.update(b"\x00")
        digest.update(m.content.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()
