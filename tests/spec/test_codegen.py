"""Generated modules import, pass mypy --strict and ruff, and regenerate byte-identically."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import agentkit
from agentkit.spec.codegen import write_modules

REPO = Path(__file__).resolve().parents[2]
GOOD = REPO / "tests" / "fixtures" / "specs" / "good"


def _generate(tmp_path: Path) -> tuple[Path, list[Path]]:
    specs_dir = tmp_path / "specs"
    shutil.copytree(GOOD, specs_dir)
    out = tmp_path / "generated"
    specs = [agentkit.compile_spec(p) for p in sorted(specs_dir.glob("*.yaml"))]
    return out, write_modules(specs, out)


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    out, files = _generate(tmp_path)
    first = {p.name: p.read_bytes() for p in files}
    specs = [agentkit.compile_spec(p) for p in sorted((tmp_path / "specs").glob("*.yaml"))]
    write_modules(specs, out)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.suffix == ".py"} == first


def test_generated_code_passes_ruff_and_mypy_strict(tmp_path: Path) -> None:
    out, _ = _generate(tmp_path)
    bin_dir = Path(sys.executable).parent
    ruff = subprocess.run(
        [str(bin_dir / "ruff"), "check", "--no-cache", "--isolated", str(out)],
        capture_output=True,
        text=True,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    env = {**os.environ, "MYPYPATH": str(REPO)}
    mypy = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--follow-imports=silent",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / ".mypy"),
            str(out / "visit_summary.py"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr


def test_generated_function_is_typed_and_calls_the_runtime(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _generate(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    module = importlib.import_module("generated.visit_summary")
    assert module.VisitSummaryOutput.__name__ == "VisitSummaryOutput"
    import inspect

    params = inspect.signature(module.visit_summary).parameters
    assert list(params) == ["note", "date_of_service", "patient", "route"]
    assert params["note"].default is inspect.Parameter.empty

    # A stale module (spec fields edited after generation) refuses to run with a clear fix.
    spec_path = tmp_path / "specs" / "visit_summary.yaml"
    spec_path.write_text(
        spec_path.read_text().replace(
            "  summary: {type: text, optional: true}\n",
            "  summary: {type: text, optional: true}\n"
            "  severity: {type: integer, optional: true}\n",
        )
    )
    with pytest.raises(agentkit.SpecError, match="re-run `agentkit codegen`"):
        module.visit_summary(note="x", route=["replay"])
