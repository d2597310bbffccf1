"""PHI redaction of traces on a synthetic note: hash (default), mask and full."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

import agentkit
import agentkit.config
from agentkit.trace.reader import TraceReader

# Synthetic note written for this test; every identifier in it is invented.
NOTE = (
    "Patient: Eleanor Quimby   MRN: 00451277   DOB: 07/19/1958\n"
    "Phone (312) 555-0148, email equimby@example.org, 4410 Larkspur Avenue, Evanston, IL 60201.\n"
    "PROCEDURE: Laparoscopic cholecystectomy on 03/14/2025 by Dr. Tobias Renner.\n"
    "FINDINGS: cholelithiasis. SSN 123-45-6789."
)
IDENTIFIERS = [
    "Eleanor",
    "Quimby",
    "00451277",
    "07/19/1958",
    "555-0148",
    "equimby@example.org",
    "4410 Larkspur",
    "03/14/2025",
    "Tobias",
    "Renner",
    "123-45-6789",
]
CLINICAL = "Laparoscopic cholecystectomy"


def _call(mini_spec: Path, monkeypatch: pytest.MonkeyPatch, mode: str | None) -> dict[str, Any]:
    if mode is None:
        monkeypatch.delenv("AGENTKIT_TRACE_REDACTION", raising=False)
    else:
        monkeypatch.setenv("AGENTKIT_TRACE_REDACTION", mode)
    spec = agentkit.load(mini_spec)
    result = spec(note=NOTE, date_of_service="2025-03-14", patient={"sex": "female", "age": 93})
    assert result.trace_id is not None
    records = [
        r
        for r in TraceReader(agentkit.config.get_config().trace_dir()).records()
        if r["id"] == result.trace_id
    ]
    assert len(records) == 1
    return records[0]


def _store_text(trace_dir: Path) -> str:
    return "\n".join(p.read_text() for p in sorted(trace_dir.glob("*.jsonl")))


def test_hash_is_the_default_and_keeps_no_note_text(
    mini_spec: Path, trace_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = _call(mini_spec, monkeypatch, None)
    assert record["redaction"] == "hash"
    text = _store_text(trace_dir)
    for identifier in [*IDENTIFIERS, CLINICAL, "cholelithiasis", "FINDINGS"]:
        assert identifier not in text, identifier
    # what an auditor still has: codes, versions, usage, review, keyed hashes of the texts
    output = record["output"]
    assert isinstance(output, dict)
    assert [p["code"] for p in output["procedures"]] == ["47562"]
    assert [d["code"] for d in output["diagnoses"]] == ["K80.20"]
    assert str(output["procedures"][0]["evidence"]).startswith("hmac:")
    inputs = record["inputs"]
    assert isinstance(inputs, dict)
    assert str(inputs["note"]).startswith("hmac:")
    assert inputs["date_of_service"] == "2025"  # year only
    assert inputs["patient"] == {"sex": "female", "age": 90}  # ages over 89 -> 90
    assert all(str(m["content"]).startswith("hmac:") for m in record["messages"])
    assert str(record["raw_response"]).startswith("hmac:")
    assert record["spec_version"] == "1.0.0" and record["fingerprint"]
    assert record["usage"]["input_tokens"] > 0


def test_hash_key_comes_from_the_environment_or_a_private_key_file(
    mini_spec: Path, trace_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from agentkit.trace.sink import open_sink

    monkeypatch.delenv("AGENTKIT_TRACE_KEY", raising=False)
    no_env = _call(mini_spec, monkeypatch, "hash")
    key_file = trace_dir / ".trace-key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    sink = open_sink(trace_dir)
    assert sink.hasher is not None and sink.hasher.matches(NOTE, str(no_env["inputs"]["note"]))

    monkeypatch.setenv("AGENTKIT_TRACE_KEY", "another secret")
    with_env = _call(mini_spec, monkeypatch, "hash")
    assert with_env["inputs"]["note"] != no_env["inputs"]["note"]


def test_mask_replaces_identifiers_by_typed_tags(
    mini_spec: Path, trace_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = _call(mini_spec, monkeypatch, "mask")
    assert record["redaction"] == "mask"
    text = _store_text(trace_dir)
    for identifier in IDENTIFIERS:
        assert identifier not in text, identifier
    note = str(record["inputs"]["note"])
    for tag in ("[NAME]", "[MRN]", "[DATE]", "[PHONE]", "[EMAIL]", "[ADDRESS]", "[SSN]"):
        assert tag in note, tag
    assert CLINICAL in note and "cholelithiasis" in note  # clinical words stay readable
    assert record["output"]["procedures"][0]["evidence"] == CLINICAL
    user = next(m for m in record["messages"] if m["role"] == "user")
    assert "[NAME]" in user["content"] and "Quimby" not in user["content"]


def test_full_keeps_everything(
    mini_spec: Path, trace_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = _call(mini_spec, monkeypatch, "full")
    assert record["redaction"] == "full"
    assert record["inputs"]["note"] == NOTE


def test_failed_call_is_traced_and_redacted(
    mini_spec: Path, trace_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTKIT_TRACE_REDACTION", "hash")
    spec = agentkit.load(mini_spec)
    with pytest.raises(agentkit.RouteExhausted) as info:
        spec(note="PROVIDER-DOWN for Eleanor Quimby")
    trace_id = getattr(info.value, "trace_id", None)
    assert trace_id is not None
    record = next(r for r in TraceReader(trace_dir).records() if r["id"] == trace_id)
    assert record["status"] == "failed" and record["error_class"] == "RouteExhausted"
    assert "Quimby" not in json.dumps(record)
