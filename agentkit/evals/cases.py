"""Eval cases: what a coding expert writes under ``evals/<spec>/cases/``.

One YAML file per case (``<id>.yaml``)::

    id: cpt-gi-colonoscopy-snare-001
    description: Screening colonoscopy with two snare polypectomies
    tags: [gi-endoscopy, colonoscopy]
    input: {note: "...", patient: {sex: male, age: 63}}
    expected:                       # partial output: only identifying fields are compared
      procedures: [{code: "45385", modifiers: [], units: 1}]   # first = principal
      diagnoses: [{code: Z12.11}]

or many cases in a ``*.jsonl`` file (one JSON object per line, same keys), which is what
``agentkit traces to-cases`` writes and what large suites use. Cases are read lazily, one at
a time, so a large suite never has to fit in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agentkit.errors import EvalError

__all__ = ["EvalCase", "case_files", "iter_cases", "suite_files", "validate_case_against"]


class EvalCase(BaseModel):
    """One input and the output a certified coder expects for it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, description="Unique within the suite; the file name for YAML")
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    input: dict[str, Any] = Field(description="Values for the spec's input fields")
    expected: dict[str, Any] = Field(description="The identifying part of the expected output")
    source: str | None = Field(default=None, description="Where this case came from (file:line)")


def case_files(location: Path) -> list[Path]:
    """The case files under a directory (YAML and JSON Lines, sorted), or the file itself."""
    location = Path(location)
    if location.is_file():
        return [location]
    if not location.is_dir():
        raise EvalError(f"no eval cases at {location}: the folder does not exist")
    files = [
        p
        for p in location.rglob("*")
        if p.is_file() and p.suffix in (".yaml", ".yml", ".jsonl") and not p.name.startswith(".")
    ]
    return sorted(files)


def suite_files(evals_dir: Path) -> list[Path]:
    """A spec's default suite: everything under ``<evals>/cases/`` plus ``<evals>/*.jsonl``.

    ``<evals>/reviewed/`` (what ``traces to-cases`` writes) is not part of it until someone
    moves the cases into ``cases/``.
    """
    files: list[Path] = []
    if (evals_dir / "cases").is_dir():
        files.extend(case_files(evals_dir / "cases"))
    if evals_dir.is_dir():
        files.extend(sorted(p for p in evals_dir.glob("*.jsonl") if p.is_file()))
    return files


def iter_cases(location: Path | list[Path]) -> Iterator[EvalCase]:
    """Every case under ``location`` (a folder, a file or a list of files), one at a time;
    duplicate ids are an error."""
    seen: dict[str, str] = {}
    files = list(location) if isinstance(location, list) else case_files(location)
    if not files:
        raise EvalError(f"no case files (*.yaml, *.jsonl) under {location}")
    for path in files:
        cases = _read_jsonl(path) if path.suffix == ".jsonl" else _read_yaml(path)
        for case in cases:
            if case.id in seen:
                raise EvalError(
                    f"{case.source}: case id '{case.id}' is used twice "
                    f"(first at {seen[case.id]}); ids must be unique"
                )
            seen[case.id] = case.source or str(path)
            yield case


def _build(data: Any, where: str) -> EvalCase:
    if not isinstance(data, Mapping):
        raise EvalError(f"{where}: a case must be a mapping with id, input and expected")
    try:
        case = EvalCase.model_validate({**data, "source": where})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'case'}: {e['msg']}" for e in exc.errors()
        )
        raise EvalError(f"{where}: {problems}") from None
    return case


def _read_yaml(path: Path) -> Iterator[EvalCase]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise EvalError(f"{path}{line}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except OSError as exc:
        raise EvalError(f"{path}: cannot be read: {exc}") from None
    if isinstance(data, Mapping) and "id" not in data:
        data = {**data, "id": path.stem}
    yield _build(data, str(path))


def _read_jsonl(path: Path) -> Iterator[EvalCase]:
    try:
        fh = open(path, encoding="utf-8")  # noqa: SIM115 - generator closes it
    except OSError as exc:
        raise EvalError(f"{path}: cannot be read: {exc}") from None
    with fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError as exc:
                raise EvalError(f"{path}:{number}: not valid JSON: {exc}") from None
            yield _build(data, f"{path}:{number}")


def validate_case_against(
    case: EvalCase, output_fields: Mapping[str, Any], input_fields: Mapping[str, Any]
) -> None:
    """Catch typos in a case before running it: unknown input or expected keys."""
    from agentkit.spec.loader import did_you_mean

    for key in case.input:
        if key not in input_fields:
            guess = did_you_mean(key, input_fields)
            hint = (
                f"; did you mean '{guess}'?"
                if guess
                else f"; inputs are: {', '.join(input_fields)}"
            )
            raise EvalError(f"{case.source}: input.{key} is not an input of this spec{hint}")
    for key in case.expected:
        if key not in output_fields:
            guess = did_you_mean(key, output_fields)
            hint = (
                f"; did you mean '{guess}'?"
                if guess
                else f"; output fields are: {', '.join(output_fields)}"
            )
            raise EvalError(
                f"{case.source}: expected.{key} is not an output field of this spec{hint}"
            )
