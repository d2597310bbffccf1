"""Examples in the README and docs/ are executed, so the docs cannot drift from the code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import agentkit

REPO = Path(__file__).resolve().parents[2]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)


def _blocks(lang: str) -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        for i, (kind, body) in enumerate(BLOCK.findall(doc.read_text(encoding="utf-8"))):
            if kind == lang:
                found.append((f"{doc.name}#{i}", body))
    return found


SPEC_BLOCKS = [
    (name, body)
    for name, body in _blocks("yaml")
    if body.lstrip().startswith(("spec:", "# specs/"))
]
PYTHON_BLOCKS = _blocks("python")


@pytest.mark.parametrize("name,body", SPEC_BLOCKS, ids=[n for n, _ in SPEC_BLOCKS])
def test_spec_examples_in_docs_compile(name: str, body: str, tmp_path: Path) -> None:
    path = tmp_path / "example.yaml"
    path.write_text(body, encoding="utf-8")
    spec = agentkit.compile_spec(path)
    assert spec.name and spec.version


@pytest.mark.parametrize("name,body", PYTHON_BLOCKS, ids=[n for n, _ in PYTHON_BLOCKS])
def test_python_examples_in_docs_run(name: str, body: str, tmp_path: Path) -> None:
    script = tmp_path / "example.py"
    script.write_text(body, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(script)], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_docs_have_examples() -> None:
    assert len(SPEC_BLOCKS) >= 2 and len(PYTHON_BLOCKS) >= 1
