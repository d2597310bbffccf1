"""The bundled specs compile, and their output schemas satisfy both providers' dialects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import agentkit

SPECS = sorted((Path(__file__).resolve().parents[2] / "specs").glob("*.yaml"))

# Keywords OpenAI strict structured outputs accept (https://platform.openai.com/docs/guides/structured-outputs).
_OPENAI_STRICT_KEYWORDS = {
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "anyOf",
    "description",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "$defs",
    "$ref",
}


def assert_openai_strict(node: Any, path: str = "$") -> None:
    """Every object closes its properties and requires all of them; no unsupported keywords."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            assert_openai_strict(item, f"{path}[{i}]")
        return
    if not isinstance(node, dict):
        return
    unknown = set(node) - _OPENAI_STRICT_KEYWORDS
    if "properties" in {k for k in node} and path.endswith(".properties"):
        unknown = set()  # property names, not keywords
    assert not unknown, f"{path}: keywords not allowed in strict mode: {unknown}"
    if node.get("type") == "object":
        assert node.get("additionalProperties") is False, (
            f"{path}: additionalProperties must be false"
        )
        assert sorted(node.get("required", [])) == sorted(node.get("properties", {})), (
            f"{path}: every property must be required"
        )
    for key, value in node.items():
        if key == "properties":
            for name, sub in value.items():
                assert_openai_strict(sub, f"{path}.{name}")
        elif isinstance(value, dict | list):
            assert_openai_strict(value, f"{path}.{key}")


def assert_anthropic_tool_schema(schema: dict[str, Any]) -> None:
    assert schema["type"] == "object"
    assert "$ref" not in str(schema), "tool input_schema must be self-contained"


@pytest.mark.parametrize("path", SPECS, ids=[p.stem for p in SPECS])
def test_bundled_spec_compiles_with_strict_schema(path: Path) -> None:
    spec = agentkit.compile_spec(path)
    schema = spec.output_schema
    assert_openai_strict(schema)
    assert_anthropic_tool_schema(schema)
    expected = {"cpt_coding": "CptCoding", "icd10cm_coding": "Icd10cmCoding", "em_level": "EmLevel"}
    if spec.name in expected:
        assert spec.Output.__name__ == expected[spec.name] + "Output"
        assert spec.Input.__name__ == expected[spec.name] + "Input"


def test_optional_output_fields_are_nullable_but_required() -> None:
    spec = agentkit.compile_spec(Path(__file__).resolve().parents[2] / "specs" / "em_level.yaml")
    minutes = spec.output_schema["properties"]["total_minutes"]
    assert "total_minutes" in spec.output_schema["required"]
    assert {"type": "null"} in minutes["anyOf"]


def test_there_are_three_bundled_specs() -> None:
    assert {p.stem for p in SPECS} >= {"cpt_coding", "icd10cm_coding", "em_level"}


def test_strict_checker_catches_a_loose_schema() -> None:
    with pytest.raises(AssertionError):
        assert_openai_strict({"type": "object", "properties": {"a": {"type": "string"}}})
    with pytest.raises(AssertionError):
        assert_openai_strict(
            {
                "type": "object",
                "properties": {"a": {"type": "string", "default": "x"}},
                "required": ["a"],
                "additionalProperties": False,
            }
        )
