"""The `agentkit` command end to end, run as a user would run it (a real subprocess)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIX = REPO / "tests" / "fixtures" / "specs"


def agentkit(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agentkit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_validate_ok_and_errors_exit_codes(tmp_path: Path) -> None:
    ok = agentkit("validate", str(FIX / "good"), cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "ok " in ok.stdout and "visit_summary 1.2.0" in ok.stdout
    bad = agentkit(
        "validate",
        str(FIX / "bad" / "many_errors.yaml"),
        str(FIX / "bad" / "empty.yaml"),
        cwd=tmp_path,
    )
    assert bad.returncode == 1
    assert "many_errors.yaml:8:1: error: unknown key 'titel'" in bad.stderr
    assert "fix: did you mean 'title'?" in bad.stderr
    assert "empty.yaml:1:1: error: the spec file is empty" in bad.stderr
    assert "Traceback" not in bad.stderr
    missing = agentkit("validate", str(tmp_path / "nope"), cwd=tmp_path)
    assert missing.returncode == 1 and "spec file not found" in missing.stderr


def test_show_schema_render(tmp_path: Path) -> None:
    spec = str(FIX / "good" / "visit_summary.yaml")
    show = agentkit("show", spec, cwd=tmp_path)
    assert show.returncode == 0, show.stderr
    for text in (
        "visit_summary",
        "1.2.0",
        "fingerprint:",
        "route:       replay",
        "quotes_in_source",
    ):
        assert text in show.stdout
    schema = agentkit("schema", spec, "--output", cwd=tmp_path)
    assert json.loads(schema.stdout)["required"] == ["procedures", "summary"]
    schema_in = agentkit("schema", spec, "--input", cwd=tmp_path)
    assert "note" in json.loads(schema_in.stdout)["properties"]
    (tmp_path / "in.json").write_text(json.dumps({"note": "Shave of a 0.4 cm lesion."}))
    render = agentkit("render", spec, "--input", "in.json", "--json", cwd=tmp_path)
    messages = json.loads(render.stdout)
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "Shave of a 0.4 cm lesion." in messages[1]["content"]


def test_run_reports_failures_and_bad_input_clearly(tmp_path: Path) -> None:
    spec = str(FIX / "good" / "visit_summary.yaml")
    (tmp_path / "note.txt").write_text("Shave of a 0.4 cm lesion.")
    failed = agentkit("run", spec, "--note", "note.txt", cwd=tmp_path)
    assert failed.returncode == 1
    assert "RouteExhausted" in failed.stderr and "no recorded answer" in failed.stderr
    (tmp_path / "empty.txt").write_text("   \n")
    empty = agentkit("run", spec, "--note", "empty.txt", cwd=tmp_path)
    assert empty.returncode == 2 and "note: must not be empty" in empty.stderr
    both = agentkit("run", spec, cwd=tmp_path)
    assert both.returncode == 2 and "exactly one of --input" in both.stderr
    (tmp_path / "bad.json").write_text("{note: x}")
    badjson = agentkit("run", spec, "--input", "bad.json", cwd=tmp_path)
    assert badjson.returncode == 2 and "bad.json:1:2: not valid JSON" in badjson.stderr
    unknown = agentkit("run", spec, "--note", "note.txt", "--provider", "opnai/x", cwd=tmp_path)
    assert unknown.returncode == 2 and "did you mean 'openai'" in unknown.stderr


def test_run_with_a_recorded_answer_prints_json(tmp_path: Path) -> None:
    """Record through the Python API, then replay it from the CLI."""
    spec_path = FIX / "good" / "visit_summary.yaml"
    code = f"""
import agentkit, json
from agentkit import Provider, ProviderResponse
class Fixed(Provider):
    name = "fixed"
    async def generate(self, request):
        out = {{"procedures": [{{"code": "11300", "modifiers": [], "units": 1,
                "evidence": "Shave of a 0.4 cm lesion", "confidence": 0.9}}], "summary": None}}
        return ProviderResponse(parsed=out, text=json.dumps(out), model="fixed-1")
agentkit.register_provider("fixed", lambda m, c: Fixed(m), needs_model=False)
agentkit.load({str(spec_path)!r}, route=["fixed"])(note="Shave of a 0.4 cm lesion.")
"""
    env = {"AGENTKIT_RECORD": "1", "AGENTKIT_REPLAY_DIR": str(tmp_path / "rec")}
    rec = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
    assert rec.returncode == 0, rec.stderr
    (tmp_path / "note.txt").write_text("Shave of a 0.4 cm lesion.")
    run = agentkit(
        "run",
        str(spec_path),
        "--note",
        "note.txt",
        "--provider",
        "replay",
        "--json",
        cwd=tmp_path,
        env={"AGENTKIT_REPLAY_DIR": str(tmp_path / "rec")},
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["output"]["procedures"][0]["code"] == "11300"
    assert result["status"] == "accepted" and result["provider"] == "replay"
    assert {"findings", "review", "usage", "attempts", "trace_id"} <= set(result)
    table = agentkit(
        "run",
        str(spec_path),
        "--note",
        "note.txt",
        "-p",
        "replay",
        cwd=tmp_path,
        env={"AGENTKIT_REPLAY_DIR": str(tmp_path / "rec")},
    )
    assert table.returncode == 0 and "11300" in table.stdout and "accepted" in table.stdout


def test_codegen_and_spec_schema(tmp_path: Path) -> None:
    shutil.copytree(FIX / "good", tmp_path / "specs")
    gen = agentkit("codegen", "specs", "--out", "gen", cwd=tmp_path)
    assert gen.returncode == 0, gen.stderr
    assert (tmp_path / "gen" / "visit_summary.py").is_file()
    schema = agentkit("spec-schema", cwd=tmp_path)
    data = json.loads(schema.stdout)
    assert (
        "spec" in data["properties"]
        and "cpt" in data["$defs"]["FieldSpec"]["properties"]["type"]["enum"]
    )


@pytest.mark.parametrize(
    "cmd", [[], ["run", "--help"], ["validate", "--help"], ["codegen", "--help"]]
)
def test_help_is_available(tmp_path: Path, cmd: list[str]) -> None:
    res = agentkit(*(cmd or ["--help"]), cwd=tmp_path)
    assert res.returncode == 0 and "Usage" in res.stdout
