"""`candidates: local` grounds LLM routes in the offline coder's options (tested with replay)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

import pytest

import agentkit
from agentkit import Provider, ProviderRequest, ProviderResponse

REPO = Path(__file__).resolve().parents[2]
CPT = REPO / "specs" / "cpt_coding.yaml"
NOTE = (REPO / "examples" / "notes" / "lap_chole.txt").read_text()

ANSWER: dict[str, Any] = {
    "procedures": [
        {
            "code": "47563",
            "modifiers": [],
            "units": 1,
            "evidence": "Laparoscopic cholecystectomy with intraoperative cholangiogram",
            "confidence": 0.95,
            "rationale": "Laparoscopic cholecystectomy with cholangiography.",
        }
    ],
    "diagnoses": [
        {"code": "K80.00", "evidence": "Acute calculous cholecystitis", "confidence": 0.9}
    ],
}


class Capturing(Provider):
    name = "capturing"
    seen: ClassVar[list[ProviderRequest]] = []

    async def generate(self, request: ProviderRequest) -> ProviderResponse:
        Capturing.seen.append(request)
        return ProviderResponse(parsed=ANSWER, text=json.dumps(ANSWER), model="capturing-1")


@pytest.fixture(autouse=True)
def capturing() -> None:
    Capturing.seen = []
    agentkit.register_provider("capturing", lambda m, c: Capturing(m), needs_model=False)


def _user_message(request: ProviderRequest) -> str:
    return next(m.content for m in request.messages if m.role == "user")


def test_candidates_reach_the_prompt_with_their_evidence() -> None:
    spec = agentkit.load(CPT, route=["capturing"])
    assert spec.candidates == "local"
    spec(note=NOTE)
    user = _user_message(Capturing.seen[0])
    assert "Candidate codes proposed by the offline coder" in user
    block = user.split("Candidate codes proposed by the offline coder", 1)[1]
    assert "- 47563:" in block
    assert 'evidence: "Laparoscopic cholecystectomy with intraoperative cholangiogram"' in block
    # the note itself is still fenced as data before the candidates
    assert user.index(NOTE.strip()[:40]) < user.index("Candidate codes")


def test_recorded_answer_replays_with_the_same_grounded_prompt(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AGENTKIT_REPLAY_DIR", str(tmp_path / "rec"))
    monkeypatch.setenv("AGENTKIT_TRACE_REDACTION", "full")
    monkeypatch.setenv("AGENTKIT_RECORD", "1")
    first = agentkit.load(CPT, route=["capturing"])(note=NOTE)
    monkeypatch.delenv("AGENTKIT_RECORD")
    replayed = agentkit.load(CPT, route=["replay"])(note=NOTE)
    assert replayed.provider == "replay"
    assert replayed.output == first.output
    assert [p.code for p in replayed.output.procedures] == ["47563"]
    traces = [
        json.loads(line)
        for f in sorted(Path(tmp_path / "traces").glob("*.jsonl"))
        for line in f.read_text().splitlines()
        if line.strip()
    ]
    replay_trace = next(t for t in traces if t["id"] == replayed.trace_id)
    user = next(m["content"] for m in replay_trace["messages"] if m["role"] == "user")
    assert "Candidate codes proposed by the offline coder" in user and "47563" in user


def test_specs_without_the_option_get_no_candidates(tmp_path: Path) -> None:
    text = CPT.read_text().replace("candidates: local\n", "")
    path = tmp_path / "cpt_no_candidates.yaml"
    path.write_text(text.replace("evals: ../evals/cpt_coding\n", ""))
    agentkit.load(path, route=["capturing"])(note=NOTE)
    assert "Candidate codes" not in _user_message(Capturing.seen[0])
