"""Read a spec's YAML keeping the line and column of every key and value.

Plain ``yaml.safe_load`` loses positions, silently keeps the last of two duplicate keys, and
applies YAML 1.1 surprises (``no`` becomes False, ``00142`` an octal number). Coding experts
need ``file:line:column`` for every error, so we compose the node graph ourselves, refuse
duplicate keys and non-standard tags, and resolve scalars with YAML 1.2 core rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from agentkit.errors import SpecIssue

__all__ = ["Mark", "Path", "SourceMap", "YamlDocument", "parse_yaml"]

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    """1-based position of a node, and its scalar style (``|``, ``>``, quotes, or None)."""

    line: int
    column: int
    style: str | None = None


class SourceMap:
    """Positions of keys and values by path; the nearest known ancestor answers for the rest."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.values: dict[Path, Mark] = {}
        self.keys: dict[Path, Mark] = {}
        self._renames: list[tuple[Path, Path]] = []  # (normalised prefix, as written)
        self.refused: set[Path] = set()  # values dropped for a foreign tag: no follow-on errors

    def mark(self, path: Path, *, key: bool = False) -> Mark | None:
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        if key and path in self.values:
            return self.values[path]
        p = path
        while p:
            p = p[:-1]
            if p in self.keys:
                return self.keys[p]
            if p in self.values:
                return self.values[p]
        return None

    def issue(
        self, path: Path, message: str, *, fix: str | None = None, key: bool = False
    ) -> SpecIssue:
        mark = self.mark(path, key=key)
        return SpecIssue(
            file=self.file,
            line=mark.line if mark else None,
            column=mark.column if mark else None,
            message=message,
            key=format_path(self.as_written(path)) or None,
            fix=fix,
        )

    def as_written(self, path: Path) -> Path:
        """Undo normalisation renames so messages show the path the author wrote."""
        for new, old in sorted(self._renames, key=lambda r: -len(r[0])):
            if path[: len(new)] == new:
                return old + path[len(new) :]
        return path

    def move(self, old: Path, new: Path) -> None:
        """Record that the subtree at ``old`` now lives at ``new`` (after normalisation)."""
        n = len(old)
        self._renames.append((new, old))
        for table in (self.values, self.keys):
            for path in [p for p in table if p[:n] == old]:
                table[new + path[n:]] = table[path]


def format_path(path: Path) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core-schema scalars: true/false only, decimal ints without leading zeros."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp", re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), list("0123456789")
)


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    yaml.constructor.SafeConstructor,
    _Resolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)


_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass
class YamlDocument:
    data: Any
    source: SourceMap
    issues: list[SpecIssue]


def _mark(node: yaml.Node) -> Mark:
    style = getattr(node, "style", None)
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1, style)


def parse_yaml(text: str, file: str) -> YamlDocument:
    """Parse one YAML document. Syntax errors, duplicate keys and foreign tags become issues."""
    source = SourceMap(file)
    issues: list[SpecIssue] = []
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        context = f" ({exc.context})" if exc.context else ""
        issues.append(
            SpecIssue(
                file=file,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
                message=f"YAML syntax error: {problem}{context}",
                fix=_syntax_fix(problem, exc.context, exc.context_mark),
            )
        )
        return YamlDocument(None, source, issues)
    except yaml.YAMLError as exc:
        issues.append(SpecIssue(file, None, None, f"YAML error: {exc}"))
        return YamlDocument(None, source, issues)
    finally:
        loader.dispose()
    if node is None:
        issues.append(
            SpecIssue(file, 1, 1, "the spec file is empty", fix="start with 'spec: <name>'")
        )
        return YamlDocument(None, source, issues)
    data = _convert(node, (), loader, source, issues)
    return YamlDocument(data, source, issues)


def _syntax_fix(problem: str, context: str | None, context_mark: Any) -> str:
    if context and context_mark is not None and problem != context:
        opener = {"flow mapping": "{", "flow sequence": "["}.get(
            next((k for k in ("flow mapping", "flow sequence") if k in context), ""), ""
        )
        if opener:
            closer = "}" if opener == "{" else "]"
            return f"close the '{opener}' opened on line {context_mark.line + 1} with '{closer}'"
    if "\\t" in problem or "\t" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "put quotes around text that contains ': ' or start a block with '|'"
    if "could not find expected ':'" in problem:
        return "every key needs a colon after it, e.g. 'title: ...'"
    return "check the indentation and quoting on this line and the one above"


def _convert(
    node: yaml.Node, path: Path, loader: _Loader, source: SourceMap, issues: list[SpecIssue]
) -> Any:
    source.values[path] = _mark(node)
    if node.tag not in _STANDARD_TAGS:
        source.refused.add(path)
        issues.append(
            source.issue(
                path,
                f"the YAML tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed"
                " in a spec (Python-object and custom tags are refused)",
                fix="remove the '!' tag; specs hold plain text, numbers, lists and mappings only",
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                issues.append(
                    source.issue(path, "a key must be a plain word, not a list or mapping")
                )
                continue
            key = str(loader.construct_object(key_node))
            if key == "<<":
                issues.append(
                    SpecIssue(
                        source.file,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        "YAML merge keys ('<<') are not supported in specs",
                        key=format_path(path) or None,
                        fix="write the keys out in full",
                    )
                )
                continue
            child = (*path, key)
            if key in out:
                first = source.keys.get(child)
                where = f" (first defined on line {first.line})" if first else ""
                issues.append(
                    SpecIssue(
                        source.file,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        f"duplicate key '{key}'{where}",
                        key=format_path(child),
                        fix=f"keep one '{key}:' entry and delete or rename the other",
                    )
                )
                continue
            source.keys[child] = _mark(key_node)
            out[key] = _convert(value_node, child, loader, source, issues)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*path, i), loader, source, issues) for i, item in enumerate(node.value)
        ]
    return loader.construct_object(node)
