"""Eval case files: YAML per case or JSON Lines, read lazily, with located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentkit.errors import EvalError
from agentkit.evals.cases import iter_cases, suite_files


def test_suite_reads_yaml_cases_and_jsonl(mini_spec: Path) -> None:
    suite = mini_spec.parent.parent / "suites" / "mini_cpt"
    files = suite_files(suite)
    cases = list(iter_cases(files))
    ids = [c.id for c in cases]
    assert ids == ["chole-001", "colon-biopsy-003", "colon-snare-002", "knee-004", "outage-005"]
    snare = cases[2]
    assert snare.tags == ["gi-endoscopy", "colonoscopy"]
    assert snare.expected["procedures"] == [{"code": 45385}]  # YAML number: normalised when scored
    assert cases[4].source and cases[4].source.endswith("cases.jsonl:1")


def test_reviewed_cases_are_not_part_of_the_suite(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "a.yaml").write_text("input: {note: x}\nexpected: {}\n")
    (tmp_path / "reviewed").mkdir()
    (tmp_path / "reviewed" / "cases.jsonl").write_text('{"id":"r","input":{},"expected":{}}\n')
    assert [c.id for c in iter_cases(suite_files(tmp_path))] == ["a"]  # id from the file name


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.yaml", "id: x\ninput: {note: [unclosed\n", "bad.yaml:3: not valid YAML"),
        ("bad.yaml", "id: x\ninput: {note: y}\n", "expected: Field required"),
        ("bad.yaml", "id: x\ninput: {}\nexpected: {}\nexpect: {}\n", "expect: Extra inputs"),
        (
            "bad.jsonl",
            '{"id": "a", "input": {}, "expected": {}}\n{"id": "b",\n',
            "bad.jsonl:2: not valid JSON",
        ),
        (
            "bad.jsonl",
            '{"id": "a", "input": {}, "expected": {}}\n{"id": "a", "input": {}, "expected": {}}\n',
            "case id 'a' is used twice",
        ),
    ],
)
def test_broken_case_files_name_the_place(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    (tmp_path / name).write_text(text)
    with pytest.raises(EvalError) as info:
        list(iter_cases(tmp_path))
    assert message in str(info.value)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="does not exist"):
        list(iter_cases(tmp_path / "nope"))


def test_the_documented_case_example_loads(repo: Path, tmp_path: Path) -> None:
    import re

    doc = (repo / "docs" / "traces-and-evals.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", doc, re.DOTALL) if b.startswith("id:"))
    (tmp_path / "case.yaml").write_text(block)
    (case,) = list(iter_cases(tmp_path))
    assert case.id == "cpt-gi-colonoscopy-snare-001"
    assert case.expected["procedures"][0]["code"] == "45385"
