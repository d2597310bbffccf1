"""Every malformed spec under tests/fixtures/specs/bad reports the located message and fix.

Each fixture states what it expects in header comments:
    # expect: LINE:COL | message substring | fix substring
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import agentkit
from agentkit.errors import SpecError

BAD = Path(__file__).parent.parent / "fixtures" / "specs" / "bad"
EXPECT = re.compile(r"^# expect: (\d+)(?::(\d+))? \| (.*?) \|(.*)$")


def _expectations(path: Path) -> list[tuple[int, int | None, str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = EXPECT.match(line)
        if m:
            out.append((int(m[1]), int(m[2]) if m[2] else None, m[3].strip(), m[4].strip()))
    return out


CASES = sorted(BAD.glob("*.yaml"))


def test_there_are_at_least_twenty_malformed_specs() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_malformed_spec_reports_line_message_and_fix(path: Path) -> None:
    expected = _expectations(path)
    assert expected, f"{path.name} has no '# expect:' line"
    with pytest.raises(SpecError) as info:
        agentkit.compile_spec(path)
    issues = info.value.issues
    for line, col, message, fix in expected:
        matching = [i for i in issues if message in i.message]
        assert matching, f"no issue containing {message!r}; got:\n{info.value}"
        issue = matching[0]
        assert issue.file == str(path)
        assert (issue.line, issue.column) == (line, col), str(issue)
        if fix:
            assert issue.fix is not None and fix in issue.fix, str(issue)
    text = str(info.value)
    assert "Traceback" not in text
    assert f"{path}:" in text


def test_all_errors_of_a_file_are_reported_in_one_run() -> None:
    with pytest.raises(SpecError) as info:
        agentkit.compile_spec(BAD / "many_errors.yaml")
    assert len(info.value.issues) >= 5
    lines = [i.line for i in info.value.issues]
    assert lines == sorted(lines)
