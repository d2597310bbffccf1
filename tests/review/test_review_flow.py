"""Review routing and the audit trail: list, show, accept, override; nothing is ever edited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import agentkit
from agentkit.cli.app import app
from agentkit.result import Status
from agentkit.trace.reader import TraceReader
from agentkit.trace.verify import verify_store

runner = CliRunner()

NOTES = {
    "chole": "PROCEDURE: Laparoscopic cholecystectomy. FINDINGS: cholelithiasis.",
    "knee": "Right knee injection with triamcinolone.",  # confidence 0.7 -> needs review
    "nothing": "Patient seen; no procedure performed today.",  # empty procedures -> review
}


@pytest.fixture
def calls(mini_spec: Path) -> dict[str, str]:
    spec = agentkit.load(mini_spec)
    ids: dict[str, str] = {}
    for name, note in NOTES.items():
        result = spec(note=note)
        assert result.trace_id is not None
        ids[name] = result.trace_id
    return ids


def _cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_review_decision_on_the_result(mini_spec: Path) -> None:
    spec = agentkit.load(mini_spec)
    ok = spec(note=NOTES["chole"])
    assert ok.status == Status.ACCEPTED and ok.review.decision == "auto_accepted"
    low = spec(note=NOTES["knee"])
    assert low.status == Status.NEEDS_REVIEW
    assert any("below 0.8" in r for r in low.review.reasons)
    empty = spec(note=NOTES["nothing"])
    assert empty.review.needed and "procedures is empty" in empty.review.reasons


def test_list_shows_open_items_only(calls: dict[str, str]) -> None:
    code, output = _cli("review", "list", "--json")
    assert code == 0
    open_ids = {item["id"] for item in json.loads(output)}
    assert open_ids == {calls["knee"], calls["nothing"]}
    code, output = _cli("review", "list", "--status", "all", "--json")
    states = {item["id"]: item["state"] for item in json.loads(output)}
    assert states[calls["chole"]] == "auto_accepted"


def test_accept_and_override_append_audit_events(
    calls: dict[str, str], trace_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(trace_dir.glob("*.jsonl"))
    before = b"".join(p.read_bytes() for p in files)
    monkeypatch.setenv("AGENTKIT_REVIEWER", "coder.ann")

    code, output = _cli("review", "accept", calls["knee"][:18])  # a unique prefix is enough
    assert code == 0, output
    assert "20610-RT" in output

    code, output = _cli(
        "review",
        "override",
        calls["nothing"],
        "--codes",
        "99213,diagnoses:R10.11",
        "--reason",
        "visit only; E/M documented",
        "--reviewer",
        "coder.bo",
    )
    assert code == 0, output

    after = b"".join(p.read_bytes() for p in sorted(trace_dir.glob("*.jsonl")))
    assert after.startswith(before)  # earlier records untouched: events are appended
    assert verify_store(trace_dir).ok

    events = [r for r in TraceReader(trace_dir).records() if r.get("kind") == "review"]
    assert [(e["action"], e["reviewer"], e["trace_id"]) for e in events] == [
        ("accept", "coder.ann", calls["knee"]),
        ("override", "coder.bo", calls["nothing"]),
    ]
    accept, override = events
    assert accept["before"] == accept["after"] == ["20610-RT"]
    assert override["before"] == [] and override["after"] == ["99213", "R10.11"]
    assert override["reason"] == "visit only; E/M documented"
    assert override["expected"] == {
        "procedures": [{"code": "99213", "modifiers": [], "units": 1}],
        "diagnoses": [{"code": "R10.11"}],
    }
    assert override["spec"] == "mini_cpt" and override["spec_version"] == "1.0.0"
    assert override["time"] and override["id"]

    code, output = _cli("review", "list", "--json")
    assert json.loads(output) == []  # nothing left open
    code, output = _cli("review", "show", calls["nothing"])
    assert code == 0
    assert "override" in output and "coder.bo" in output and "99213" in output


def test_override_keeps_the_fields_it_does_not_name(calls: dict[str, str], trace_dir: Path) -> None:
    code, output = _cli(
        "review",
        "override",
        calls["chole"],
        "--codes",
        "47563",
        "--reason",
        "cholangiography documented",
    )
    assert code == 0, output
    event = [r for r in TraceReader(trace_dir).records() if r.get("kind") == "review"][-1]
    assert event["before"] == ["47562", "K80.20"]
    assert event["after"] == ["47563", "K80.20"]


def test_override_with_modifiers_units_and_clear(calls: dict[str, str], trace_dir: Path) -> None:
    code, output = _cli(
        "review",
        "override",
        calls["chole"],
        "--codes",
        "47562-59-rt,20610*2",
        "--clear",
        "diagnoses",
        "--reason",
        "test",
    )
    assert code == 0, output
    event = [r for r in TraceReader(trace_dir).records() if r.get("kind") == "review"][-1]
    assert event["after"] == ["47562-59-RT", "20610*2"]
    assert event["expected"]["diagnoses"] == []
    assert event["expected"]["procedures"][1] == {"code": "20610", "modifiers": [], "units": 2}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "accept", "0000dead"], "no traced call has the id"),
        (["review", "show", "not-an-id"], "no traced call has the id"),
        (["review", "override", "{chole}", "--codes", "47562"], "needs --reason"),
        (["review", "override", "{chole}", "--codes", "ABCDE", "--reason", "x"], "not a CPT"),
        (
            ["review", "override", "{chole}", "--codes", "surgery:47562", "--reason", "x"],
            "not a code field",
        ),
        (
            ["review", "override", "{chole}", "--codes", "diagnoses:47562", "--reason", "x"],
            "is a cpt code",
        ),
        (
            ["review", "override", "{chole}", "--codes", "47562,K80.20", "--reason", "x"],
            "use `agentkit review accept`",
        ),
        (["review", "list", "--status", "pending"], "--status"),
    ],
)
def test_bad_review_actions_exit_2_with_a_clear_error(
    calls: dict[str, str], args: list[str], message: str
) -> None:
    args = [a.replace("{chole}", calls["chole"]) for a in args]
    code, output = _cli(*args)
    assert code == 2
    assert message in output


def test_ambiguous_prefix_is_an_error(calls: dict[str, str]) -> None:
    common = calls["chole"][:4]  # UUIDv7 ids start with their time: calls made together share it
    code, output = _cli("review", "accept", common)
    assert code == 2
    assert "ambiguous" in output


def test_failed_call_cannot_be_accepted_but_can_be_overridden(
    mini_spec: Path, trace_dir: Path
) -> None:
    spec = agentkit.load(mini_spec)
    with pytest.raises(agentkit.RouteExhausted) as info:
        spec(note="PROVIDER-DOWN Laparoscopic cholecystectomy.")
    trace_id = info.value.trace_id  # type: ignore[attr-defined]
    code, output = _cli("review", "accept", trace_id)
    assert code == 2 and "failed" in output
    code, output = _cli("review", "override", trace_id, "--codes", "47562", "--reason", "manual")
    assert code == 0, output
    code, output = _cli("review", "list", "--status", "overridden", "--json")
    assert [i["id"] for i in json.loads(output)] == [trace_id]
