"""Load the engine's YAML data files (section headings, assertion cues, concept rules).

Coding experts edit these files, so a mistake must come back as a
:class:`~agentkit.errors.DataFileError` naming the file and line. We keep the line of every
mapping, list and list item, and read YAML 1.2 style booleans only: a cue phrase ``no`` must
stay the word "no", not become ``False`` as YAML 1.1 would have it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from agentkit.errors import DataFileError

__all__ = ["YamlList", "YamlMap", "line_of", "load_yaml"]

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlMap(dict[str, Any]):
    """A mapping that remembers its line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class YamlList(list[Any]):
    """A list that remembers its line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _Loader(_Base):  # type: ignore[misc]
    pass


# YAML 1.2 booleans only (true/false); "no", "yes", "on", "off" stay words.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> YamlMap:
    out = YamlMap()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool):
            raise DataFileError(
                str(getattr(loader, "_path", "<yaml>")),
                "a key must be plain text",
                key_node.start_mark.line + 1,
            )
        skey = str(key)
        if skey in out:
            raise DataFileError(
                str(getattr(loader, "_path", "<yaml>")),
                f"duplicate key {skey!r} (the first one would be silently lost); merge them",
                key_node.start_mark.line + 1,
            )
        out[skey] = loader.construct_object(value_node, deep=True)
        out.key_lines[skey] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> YamlList:
    out = YamlList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load_yaml(path: Path) -> Any:
    """Parse ``path``; syntax errors become DataFileError with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(path), f"cannot be read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(str(path), f"is not UTF-8 text ({exc.reason})") from exc
    loader = _Loader(text)
    loader._path = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(str(path), f"YAML syntax error: {exc.problem or exc}", line) from exc
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), f"YAML error: {exc}") from exc
    finally:
        loader.dispose()


def line_of(container: Any, key: str | int | None = None) -> int | None:
    """Best line for ``container[key]`` (or the container itself)."""
    if isinstance(container, YamlMap):
        if isinstance(key, str) and key in container.key_lines:
            return container.key_lines[key]
        return container.line or None
    if isinstance(container, YamlList):
        if isinstance(key, int) and 0 <= key < len(container.item_lines):
            return container.item_lines[key]
        return container.line or None
    return None
