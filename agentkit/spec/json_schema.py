"""JSON Schemas of a spec's contracts, in the dialect the LLM providers accept.

OpenAI strict structured outputs require every object to list all its properties as
required and to forbid additional ones, with optional values expressed as nullable; no
``default`` keyword, no ``$ref`` cycles. Anthropic tool ``input_schema`` accepts the same
plain schema. We inline references so both read one self-contained tree.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

__all__ = ["input_schema", "strict_output_schema"]

_DROP = {"title", "default", "examples"}


def input_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The Input model's JSON Schema (for HTTP clients and docs), refs inlined."""
    schema: dict[str, Any] = _inline(model.model_json_schema())
    return schema


def strict_output_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The Output model's schema in OpenAI-strict form."""
    schema: dict[str, Any] = _strict(_inline(model.model_json_schema()))
    return schema


def _inline(schema: dict[str, Any]) -> dict[str, Any]:
    defs = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                name = node["$ref"].rsplit("/", 1)[-1]
                target = resolve(copy.deepcopy(defs[name]))
                extra = {k: v for k, v in node.items() if k != "$ref"}
                return {**target, **extra}
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    out: dict[str, Any] = resolve(schema)
    return out


def _strict(node: Any) -> Any:
    if isinstance(node, list):
        return [_strict(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _strict(v) for k, v in node.items() if k not in _DROP}
    if out.get("type") == "object" or "properties" in out:
        props = out.get("properties", {})
        out["type"] = "object"
        out["properties"] = props
        out["required"] = list(props)
        out["additionalProperties"] = False
    if "anyOf" in out:
        out["anyOf"] = _flatten_nullable(out["anyOf"])
        if len(out["anyOf"]) == 1:
            only = out.pop("anyOf")[0]
            out = {**only, **out}
    return out


def _flatten_nullable(options: list[Any]) -> list[Any]:
    """Keep ``anyOf: [X, {type: null}]`` but drop duplicate null branches."""
    seen_null = False
    result = []
    for opt in options:
        if isinstance(opt, dict) and opt.get("type") == "null" and len(opt) == 1:
            if seen_null:
                continue
            seen_null = True
        result.append(opt)
    return result
