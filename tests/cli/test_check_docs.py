"""The ``agentkit check`` / ``agentkit codes`` examples in docs/coding-knowledge.md are real.

Each ```console block holds ``$ agentkit ...`` commands, their exact output (at 100 columns, no
colour) and ``$ echo $?`` with the exit status. The doc's ```json block is the ``claim.json``
the examples read. When the CLI's wording changes, this test prints the new output to paste.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agentkit.cli.app import app

DOC = Path(__file__).resolve().parents[2] / "docs" / "coding-knowledge.md"
TEXT = DOC.read_text(encoding="utf-8")
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}


def _examples() -> list[tuple[str, str, int]]:
    found = []
    for block in re.findall(r"```console\n(.*?)```", TEXT, re.DOTALL):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            if lines[i].startswith("$ agentkit "):
                command = lines[i][2:]
                j = i + 1
                while j < len(lines) and not lines[j].startswith("$ "):
                    j += 1
                output = "\n".join(lines[i + 1 : j])
                exit_code = 0
                if j < len(lines) and lines[j] == "$ echo $?":
                    exit_code = int(lines[j + 1])
                    j += 2
                found.append((command, output, exit_code))
                i = j
            else:
                i += 1
    return found


EXAMPLES = _examples()


@pytest.fixture(autouse=True)
def _workspace(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    monkeypatch.setenv("AGENTKIT_CODING_DIR", str(tmp_path_factory.getbasetemp() / "coding-docs"))
    claim = re.search(r"```json\n(.*?)```", TEXT, re.DOTALL)
    assert claim is not None, "the doc shows the claim.json its examples read"
    (tmp_path / "claim.json").write_text(claim.group(1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def test_the_doc_has_examples() -> None:
    assert len(EXAMPLES) >= 4
    assert {code for _, _, code in EXAMPLES} == {0, 1}


@pytest.mark.parametrize(
    ("command", "expected", "exit_code"), EXAMPLES, ids=[c for c, _, _ in EXAMPLES]
)
def test_console_example(command: str, expected: str, exit_code: int) -> None:
    result = CliRunner().invoke(app, shlex.split(command)[1:], env=ENV)
    actual = "\n".join(line.rstrip() for line in result.output.rstrip("\n").splitlines())
    wanted = "\n".join(line.rstrip() for line in expected.splitlines())
    assert actual == wanted, (
        f"docs/coding-knowledge.md is out of date; the command now prints:\n{result.output}"
    )
    assert result.exit_code == exit_code
