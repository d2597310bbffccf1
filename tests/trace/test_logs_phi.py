"""Logs never contain note text, at any level and with any trace redaction setting."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

import agentkit
from agentkit.logs import configure_logging, get_logger

# Synthetic note, invented for this test.
NOTE = (
    "Patient Rosalind Vexley, MRN 77120045, underwent laparoscopic cholecystectomy for "
    "cholelithiasis after three weeks of postprandial pain radiating to the right scapula."
)
BAD_INPUT = {"age": "Vexley 77120045"}
FRAGMENTS = [
    "Rosalind",
    "Vexley",
    "77120045",
    "postprandial pain",
    "right scapula",
    "laparoscopic cholecystectomy for",
]


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    configure_logging("DEBUG", json=True, stream=stream)
    yield stream
    configure_logging()


def _assert_clean(text: str) -> None:
    for fragment in FRAGMENTS:
        assert fragment not in text, fragment


@pytest.mark.parametrize("mode", ["hash", "mask", "full"])
def test_calls_at_debug_log_no_note_text(
    mode: str, mini_spec: Path, captured: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTKIT_TRACE_REDACTION", mode)
    spec = agentkit.load(mini_spec)
    result = spec(note=NOTE)
    with pytest.raises(agentkit.RouteExhausted):
        spec(note="PROVIDER-DOWN " + NOTE)
    # a careless caller logging the very things that hold the note
    log = get_logger("agentkit.test")
    log.debug(
        "called",
        note=NOTE,
        inputs={"note": NOTE},
        trace_id=result.trace_id,
        messages=[{"role": "user", "content": NOTE}],
        spec=spec.name,
    )
    log.info("answer", raw_response=json.dumps({"evidence": NOTE}), detail=NOTE[:150])
    log.warning(NOTE)
    logging.getLogger("agentkit.runtime").error("stdlib call failed for %s", NOTE)
    logging.getLogger("httpx").debug("request body %s", NOTE)  # SDK debug dumps are held back
    try:
        raise ValueError(f"cannot parse '{NOTE[:60]}'")
    except ValueError:
        log.exception("parse failed")
    text = captured.getvalue()
    _assert_clean(text)
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert any(line.get("event") == "trace_written" for line in lines)  # logging did happen
    failed = next(line for line in lines if line.get("event") == "call_failed")
    assert failed["error_class"] == "RouteExhausted" and failed["spec"] == "mini_cpt"
    called = next(line for line in lines if line.get("event") == "called")
    assert called["trace_id"] == result.trace_id and called["spec"] == "mini_cpt"
    assert {"note", "inputs", "messages"} <= set(called["phi_dropped"])


def test_console_renderer_is_filtered_too(mini_spec: Path) -> None:
    stream = io.StringIO()
    configure_logging("DEBUG", json=False, stream=stream)
    try:
        get_logger("agentkit.test").info("hello", note=NOTE, codes=["47562"])
    finally:
        configure_logging()
    text = stream.getvalue()
    _assert_clean(text)
    assert "47562" in text and "hello" in text


def test_validation_errors_in_tracebacks_lose_their_input_values() -> None:
    from pydantic import BaseModel, ValidationError

    class Inputs(BaseModel):
        age: int

    stream = io.StringIO()
    configure_logging("DEBUG", json=True, stream=stream)
    try:
        try:
            Inputs.model_validate(BAD_INPUT)
        except ValidationError:
            get_logger("agentkit.test").exception("inputs rejected")
    finally:
        configure_logging()
    text = stream.getvalue()
    assert "inputs rejected" in text and "Traceback" in text
    assert "Vexley" not in text and "77120045" not in text
