"""`agentkit traces to-cases`: reviewed traces become eval cases with the reviewer's codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import agentkit
from agentkit.cli.app import app
from agentkit.evals.cases import iter_cases

runner = CliRunner()

# Synthetic notes written for this test.
CHOLE = "Patient: Harriet Oduya. Laparoscopic cholecystectomy for cholelithiasis."
KNEE = "Knee injection, right, with triamcinolone."


def _cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _reviewed_calls(mini_spec: Path, monkeypatch: pytest.MonkeyPatch, mode: str) -> dict[str, str]:
    monkeypatch.setenv("AGENTKIT_TRACE_REDACTION", mode)
    spec = agentkit.load(mini_spec)
    ids = {
        "chole": spec(note=CHOLE).trace_id,
        "knee": spec(note=KNEE).trace_id,
        "open": spec(note="Snare polypectomy, screening.").trace_id,
    }
    assert (
        _cli(
            "review", "override", str(ids["chole"]), "--codes", "47563", "--reason", "cholangiogram"
        )[0]
        == 0
    )
    assert _cli("review", "accept", str(ids["knee"]), "--reviewer", "ann")[0] == 0
    return {k: str(v) for k, v in ids.items()}


def test_full_traces_become_cases_with_reviewer_gold(
    mini_spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _reviewed_calls(mini_spec, monkeypatch, "full")
    out = tmp_path / "reviewed" / "cases.jsonl"
    code, output = _cli("traces", "to-cases", "--spec", "mini_cpt", "--out", str(out))
    assert code == 0, output
    assert "wrote 2 new case(s)" in output
    cases = {c.id: c for c in iter_cases(out)}
    assert set(cases) == {f"review-{ids['chole']}", f"review-{ids['knee']}"}  # open one left out
    chole = cases[f"review-{ids['chole']}"]
    assert chole.expected == {
        "procedures": [{"code": "47563", "modifiers": [], "units": 1}],
        "diagnoses": [{"code": "K80.20"}],
    }
    assert (
        chole.input["note"] == "Patient: [NAME]. Laparoscopic cholecystectomy for cholelithiasis."
    )
    assert "from-review" in chole.tags and "cholangiogram" in chole.description
    knee = cases[f"review-{ids['knee']}"]
    assert knee.expected["procedures"] == [{"code": "20610", "modifiers": ["RT"], "units": 1}]

    code, output = _cli("traces", "to-cases", "--spec", "mini_cpt", "--out", str(out))
    assert "wrote 0 new case(s)" in output and "2 already there" in output

    # the rebuilt cases run as an eval suite; the overridden one fails: that is the point
    code, output = _cli(
        "eval", str(mini_spec), "--cases", str(out), "--report", str(tmp_path / "r.json")
    )
    assert code == 0
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["failed_cases"] == [f"review-{ids['chole']}"]


def test_hash_traces_need_the_notes(
    mini_spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _reviewed_calls(mini_spec, monkeypatch, "hash")
    out = tmp_path / "cases.jsonl"
    code, output = _cli("traces", "to-cases", "--spec", "mini_cpt", "--out", str(out))
    assert code == 0
    assert "wrote 0 new case(s)" in output
    assert "skipped 2" in output and "--notes DIR" in output

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.txt").write_text(CHOLE + "\n")
    (notes / "unrelated.txt").write_text("Something else entirely.\n")
    code, output = _cli(
        "traces", "to-cases", "--spec", "mini_cpt", "--out", str(out), "--notes", str(notes)
    )
    assert code == 0, output
    assert "wrote 1 new case(s)" in output and "skipped 1" in output
    (case,) = list(iter_cases(out))
    assert case.id == f"review-{ids['chole']}"
    assert case.input["note"] == "Patient: [NAME]. Laparoscopic cholecystectomy for cholelithiasis."

    inputs = tmp_path / "batch.jsonl"
    inputs.write_text(json.dumps({"note": KNEE}) + "\n")
    code, output = _cli(
        "traces", "to-cases", "--spec", "mini_cpt", "--out", str(out), "--inputs", str(inputs)
    )
    assert "wrote 1 new case(s)" in output
    assert {c.id for c in iter_cases(out)} == {f"review-{ids['chole']}", f"review-{ids['knee']}"}


def test_to_cases_needs_a_spec_or_an_output(mini_spec: Path) -> None:
    code, output = _cli("traces", "to-cases", "--dir", str(mini_spec.parent))
    assert code == 2 and "--spec" in output
