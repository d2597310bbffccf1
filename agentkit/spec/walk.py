"""Walk an output instance alongside its field tree, yielding values with their paths."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from agentkit.checks.registry import TypedValue
from agentkit.spec.fields import FieldSpec

__all__ = ["walk_values"]


def walk_values(obj: Any, fields: dict[str, FieldSpec], prefix: str = "") -> Iterator[TypedValue]:
    """Yield every non-null value under ``obj`` with its path (``procedures[1].code``).

    Lists yield their elements (typed by ``items``), objects recurse into their fields; the
    containing object is passed along so checks can read siblings (a code's modifiers).
    """
    for name, spec in fields.items():
        value = getattr(obj, name, None)
        path = f"{prefix}.{name}" if prefix else name
        yield from _walk(value, spec, path, obj)


def _walk(value: Any, spec: FieldSpec, path: str, parent: Any) -> Iterator[TypedValue]:
    if value is None:
        return
    if spec.type == "list" and spec.items is not None and isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, spec.items, f"{path}[{i}]", parent)
        return
    if spec.type == "object" and spec.fields:
        yield from walk_values(value, spec.fields, path)
        return
    yield TypedValue(path=path, value=value, field=spec, parent=parent)
