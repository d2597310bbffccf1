"""Read a model's answer as JSON and validate it against the Output model."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ValidationError

__all__ = ["ParseFailure", "parse_output"]

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


class ParseFailure(Exception):
    """The answer is not JSON or does not fit the Output model; ``problems`` say why."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def _json_from_text(text: str) -> Any:
    stripped = text.strip()
    try:
        return json.loads(stripped)
    except json.JSONDecodeError:
        pass
    for block in _FENCE.findall(stripped):
        try:
            return json.loads(block)
        except json.JSONDecodeError:
            continue
    start, end = stripped.find("{"), stripped.rfind("}")
    if 0 <= start < end:
        try:
            return json.loads(stripped[start : end + 1])
        except json.JSONDecodeError as exc:
            raise ParseFailure(
                [f"the answer is not valid JSON ({exc.msg} at character {exc.pos})"]
            ) from None
    raise ParseFailure(["the answer is not a JSON object"])


def parse_output(parsed: Any, text: str, model: type[BaseModel]) -> BaseModel:
    """The Output instance, or ParseFailure listing every field that does not fit."""
    data = parsed if parsed is not None else _json_from_text(text)
    if not isinstance(data, dict):
        raise ParseFailure([f"the answer must be a JSON object, not {type(data).__name__}"])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = (
                ".".join(str(p) for p in err["loc"] if not (isinstance(p, str) and "[" in p))
                or "(root)"
            )
            problems.append(f"{loc}: {err['msg']}")
        raise ParseFailure(problems) from None
