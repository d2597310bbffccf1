"""A JSON Schema of the spec file format, for editors (VS Code YAML, JetBrains).

Derived from :class:`SpecFile`, then widened for the shorthands the loader accepts
(``age: integer``; ``items:`` given as an object's fields) and narrowed where editors can help
(``type:`` autocompletes the type language, ``checks:`` the registered checks).
"""

from __future__ import annotations

from typing import Any

from agentkit.checks.registry import known_checks
from agentkit.providers.registry import known_providers
from agentkit.spec.fields import FIELD_TYPES
from agentkit.spec.model import SpecFile

__all__ = ["spec_file_schema"]

_REF = "#/$defs/FieldSpec"


def spec_file_schema() -> dict[str, Any]:
    schema = SpecFile.model_json_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["$id"] = "https://agentkit.dev/schemas/spec.json"
    schema["title"] = "agentkit spec"
    defs = schema["$defs"]
    field_def = defs["FieldSpec"]
    field_def["properties"]["type"] = {
        "type": "string",
        "enum": list(FIELD_TYPES),
        "description": "The field type",
        "markdownEnumDescriptions": list(FIELD_TYPES.values()),
    }
    shorthand = {
        "type": "string",
        "enum": list(FIELD_TYPES),
        "description": "shorthand for {type: ...}",
    }
    defs["FieldRef"] = {"anyOf": [{"$ref": _REF}, shorthand]}
    field_map = {"type": "object", "additionalProperties": {"$ref": "#/$defs/FieldRef"}}
    field_def["properties"]["items"] = {
        "anyOf": [{"$ref": "#/$defs/FieldRef"}, field_map, {"type": "null"}],
        "description": "What each element of a list is (a field, or an object's fields)",
    }
    field_def["properties"]["fields"] = {
        "anyOf": [field_map, {"type": "null"}],
        "description": "The fields of an object",
    }
    for section in ("input", "output"):
        schema["properties"][section] = {
            **field_map,
            "description": schema["properties"][section].get("description", ""),
        }
    checks = sorted(known_checks())
    check_item = {
        "anyOf": [
            {"type": "string", "enum": checks},
            {
                "type": "object",
                "minProperties": 1,
                "maxProperties": 1,
                "propertyNames": {"enum": checks},
                "additionalProperties": {"type": ["object", "null"]},
            },
        ]
    }
    schema["properties"]["checks"]["items"] = check_item
    route = defs["ModelSettings"]["properties"]["route"]
    route["items"] = {
        "type": "string",
        "pattern": "^(" + "|".join(p.replace("-", "\\-") for p in known_providers()) + ")(/.+)?$",
    }
    return schema
