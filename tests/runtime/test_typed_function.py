"""The typed function end to end, with scripted backends registered through the public API."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest

import agentkit
from agentkit import Message, Provider, ProviderRequest, ProviderResponse
from agentkit.errors import InputError, OutputInvalid, RouteExhausted

GOOD = Path(__file__).parent.parent / "fixtures" / "specs" / "good" / "visit_summary.yaml"
NOTE = "PROCEDURE: Excision of a 1.2 cm benign lesion of the back with simple closure."


def answer(
    code: str = "11402", evidence: str = "Excision of a 1.2 cm benign lesion", conf: float = 0.95
) -> dict[str, Any]:
    return {
        "procedures": [
            {"code": code, "modifiers": [], "units": 1, "evidence": evidence, "confidence": conf}
        ],
        "summary": None,
    }


class Scripted(Provider):
    """A backend that replies from a script and remembers what it was sent."""

    name = "scripted"
    script: ClassVar[list[Callable[[ProviderRequest], ProviderResponse]]] = []
    seen: ClassVar[list[ProviderRequest]] = []

    async def generate(self, request: ProviderRequest) -> ProviderResponse:
        Scripted.seen.append(request)
        step = Scripted.script.pop(0)
        return step(request)


def reply(payload: Any, text: str | None = None) -> Callable[[ProviderRequest], ProviderResponse]:
    return lambda req: ProviderResponse(
        parsed=payload,
        text=text or json.dumps(payload),
        model="m1",
        input_tokens=100,
        output_tokens=20,
        request_id="req-1",
    )


@pytest.fixture(autouse=True)
def scripted() -> None:
    agentkit.register_provider("scripted", lambda model, config: Scripted(model), needs_model=False)
    Scripted.script = []
    Scripted.seen = []


def test_call_returns_a_typed_result() -> None:
    Scripted.script = [reply(answer())]
    spec = agentkit.load(GOOD, route=["scripted"])
    result = spec(note=NOTE)
    assert isinstance(result.output, spec.Output)
    assert result.output.procedures[0].code == "11402"
    assert result.status == agentkit.Status.ACCEPTED
    assert result.findings == []
    assert result.review.decision == "auto_accepted"
    assert [a.status for a in result.attempts] == ["ok"]
    assert result.usage.input_tokens == 100 and result.usage.output_tokens == 20
    assert result.provider == "scripted" and result.spec_version == "1.2.0"
    assert len(result.idempotency_key) == 32
    request = Scripted.seen[0]
    assert request.inputs["note"] == NOTE
    assert request.output_schema == spec.output_schema
    assert [m.role for m in request.messages] == ["system", "user"]


def test_idempotency_key_is_deterministic_per_spec_and_input() -> None:
    Scripted.script = [reply(answer()), reply(answer()), reply(answer())]
    spec = agentkit.load(GOOD, route=["scripted"])
    a, b, c = spec(note=NOTE), spec(note=NOTE), spec(note=NOTE + " ")
    assert a.idempotency_key == b.idempotency_key != c.idempotency_key


def test_low_confidence_and_bad_quote_route_to_review() -> None:
    Scripted.script = [
        reply(answer(conf=0.5, evidence="laser ablation")),
        reply(answer(conf=0.5, evidence="laser ablation")),
    ]
    spec = agentkit.load(GOOD, route=["scripted"])
    result = spec(note=NOTE)
    assert result.status == agentkit.Status.NEEDS_REVIEW
    assert [f.check for f in result.findings] == ["quotes_in_source"]
    assert result.findings[0].path == "procedures[0].evidence"
    assert any("below 0.8" in r for r in result.review.reasons)
    assert any("quotes_in_source" in r for r in result.review.reasons)
    # the failed quote was sent back once (max_attempts: 2) before accepting with findings
    assert [a.status for a in result.attempts] == ["reask", "ok"]
    feedback = Scripted.seen[1].messages[-1]
    assert feedback.role == "user" and "does not occur in the note" in feedback.content


def test_invalid_json_is_reasked_then_accepted() -> None:
    Scripted.script = [reply(None, text="Sure! Here are the codes: 11402"), reply(answer())]
    spec = agentkit.load(GOOD, route=["scripted"])
    result = spec(note=NOTE)
    assert result.status == agentkit.Status.ACCEPTED
    assert [a.status for a in result.attempts] == ["reask", "ok"]
    convo = Scripted.seen[1].messages
    assert [m.role for m in convo] == ["system", "user", "assistant", "user"]
    assert "not a JSON object" in convo[-1].content


def test_never_fitting_answers_raise_output_invalid_with_all_attempts() -> None:
    Scripted.script = [reply({"procedures": [{"code": "ABC"}]}), reply({"procedures": "none"})]
    spec = agentkit.load(GOOD, route=["scripted"])
    with pytest.raises(OutputInvalid) as info:
        spec(note=NOTE)
    assert len(info.value.attempts) == 2
    assert all(a.status in ("reask", "error") for a in info.value.attempts)
    assert isinstance(info.value, RouteExhausted)


def test_route_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    from agentkit.config import get_config

    spec = agentkit.load(GOOD)
    cfg = get_config()
    assert spec.effective_route(cfg) == ["replay"]
    monkeypatch.setenv("AGENTKIT_ROUTE", "scripted, replay")
    assert spec.effective_route(cfg) == ["scripted", "replay"]
    assert spec.with_route(["local"]).effective_route(cfg) == ["local"]
    assert spec.with_route("scripted,local").effective_route(cfg) == ["scripted", "local"]
    with pytest.raises(ValueError, match="did you mean 'anthropic'"):
        spec.with_route(["antropic/x"])


def test_fallback_to_the_next_route_entry_is_recorded() -> None:
    Scripted.script = [reply(answer())]
    spec = agentkit.load(GOOD, route=["replay", "scripted"])
    result = spec(note=NOTE)
    assert [(a.provider, a.status) for a in result.attempts] == [
        ("replay", "error"),
        ("scripted", "ok"),
    ]
    assert result.attempts[0].error_class == "ProviderRequestError"


def test_replay_records_and_replays(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AGENTKIT_REPLAY_DIR", str(tmp_path / "rec"))
    monkeypatch.setenv("AGENTKIT_RECORD", "1")
    Scripted.script = [reply(answer(code="11403"))]
    spec = agentkit.load(GOOD, route=["scripted"])
    first = spec(note=NOTE)
    files = list((tmp_path / "rec" / "visit_summary").rglob("*.json"))
    assert len(files) == 1 and spec.fingerprint[:16] in str(files[0])
    monkeypatch.delenv("AGENTKIT_RECORD")
    replayed = agentkit.load(GOOD, route=["replay"])(note=NOTE)
    assert replayed.output == first.output and replayed.provider == "replay"
    with pytest.raises(RouteExhausted, match="every route entry failed"):
        agentkit.load(GOOD, route=["replay"])(note=NOTE + " (another note)")


def test_async_call_and_sync_call_inside_a_running_loop() -> None:
    Scripted.script = [reply(answer()), reply(answer())]
    spec = agentkit.load(GOOD, route=["scripted"])

    async def main() -> tuple[str, str]:
        r1 = await spec.acall(note=NOTE)
        r2 = spec(note=NOTE)  # sync form still works from inside an event loop
        return r1.output.procedures[0].code, r2.output.procedures[0].code

    assert asyncio.run(main()) == ("11402", "11402")


def test_bad_inputs_never_reach_a_provider() -> None:
    spec = agentkit.load(GOOD, route=["scripted"])
    with pytest.raises(InputError):
        spec(note="")
    assert Scripted.seen == []


def test_message_dataclass_is_public() -> None:
    assert Message("user", "x").tool_call_id is None
