"""Read a spec file into a :class:`SpecFile`, collecting every structural problem with its line.

Each top-level section is validated on its own (and each field on its own), so one broken
section does not hide the problems of the others: a coding expert sees every error of the
file in one run.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from agentkit.errors import SpecError, SpecIssue
from agentkit.spec.fields import FIELD_TYPES, TYPE_ALIASES, FieldSpec
from agentkit.spec.model import SpecFile
from agentkit.spec.yaml_source import Path as YPath
from agentkit.spec.yaml_source import SourceMap, format_path, parse_yaml

__all__ = ["SpecDraft", "did_you_mean", "read_spec"]


@dataclass
class SpecDraft:
    """What could be read from a spec file: valid sections, per-field specs, and issues."""

    path: Path
    text: str
    data: dict[str, Any]
    source: SourceMap
    issues: list[SpecIssue] = field(default_factory=list)
    sections: dict[str, Any] = field(default_factory=dict)
    input_fields: dict[str, FieldSpec] = field(default_factory=dict)
    output_fields: dict[str, FieldSpec] = field(default_factory=dict)
    fields_complete: bool = True

    def spec_file(self) -> SpecFile:
        """The validated file; only valid when there are no issues."""
        values = dict(self.sections)
        values["input"] = self.input_fields
        values["output"] = self.output_fields
        return SpecFile.model_validate(values)


def did_you_mean(word: str, options: typing.Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return close[0] if close else None


def read_spec(path: str | Path) -> SpecDraft:
    """Parse and structurally validate one spec file. Raises SpecError if it cannot be read."""
    p = Path(path)
    file = str(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError(
            [SpecIssue(file, None, None, "spec file not found", fix="check the path or spec name")]
        ) from None
    except UnicodeDecodeError as exc:
        raise SpecError(
            [SpecIssue(file, None, None, f"not UTF-8 text ({exc.reason})", fix="save as UTF-8")]
        ) from None
    except OSError as exc:
        raise SpecError(
            [SpecIssue(file, None, None, f"cannot read the file: {exc.strerror}")]
        ) from None
    doc = parse_yaml(text, file)
    if doc.data is None and doc.issues:
        raise SpecError(doc.issues)
    if not isinstance(doc.data, dict):
        raise SpecError(
            [
                *doc.issues,
                doc.source.issue((), "a spec must be a mapping of keys (spec:, version:, ...)"),
            ]
        )
    draft = SpecDraft(path=p, text=text, data=doc.data, source=doc.source, issues=list(doc.issues))
    for section in ("input", "output"):
        if isinstance(draft.data.get(section), dict):
            draft.data[section] = _normalize_fields(draft.data[section], (section,), draft.source)
    _validate_sections(draft)
    return draft


# --------------------------------------------------------------------------- shorthand


def _normalize_fields(fields: dict[str, Any], path: YPath, source: SourceMap) -> dict[str, Any]:
    return {name: _normalize_field(value, (*path, name), source) for name, value in fields.items()}


def _normalize_field(value: Any, path: YPath, source: SourceMap) -> Any:
    """``age: integer`` -> ``{type: integer}``; ``items: {code: ...}`` -> an object's fields."""
    if isinstance(value, str):
        if path in source.values:
            source.values[(*path, "type")] = source.values[path]
        return {"type": value}
    if not isinstance(value, dict):
        return value
    out = dict(value)
    items = out.get("items")
    if isinstance(items, str):
        out["items"] = _normalize_field(items, (*path, "items"), source)
    elif isinstance(items, dict):
        if isinstance(items.get("type"), str):
            out["items"] = _normalize_field(items, (*path, "items"), source)
        else:
            ipath = (*path, "items")
            source.move(ipath, (*ipath, "fields"))
            out["items"] = {
                "type": "object",
                "fields": _normalize_fields(items, (*ipath, "fields"), source),
            }
    if isinstance(out.get("fields"), dict):
        out["fields"] = _normalize_fields(out["fields"], (*path, "fields"), source)
    return out


# --------------------------------------------------------------------------- structure


def _validate_sections(draft: SpecDraft) -> None:
    known = SpecFile.model_fields
    guessed: set[str] = set()
    for key in draft.data:
        if key not in known:
            guess = did_you_mean(key, known)
            if guess:
                guessed.add(guess)
            fix = f"did you mean '{guess}'?" if guess else f"allowed keys: {', '.join(known)}"
            draft.issues.append(
                draft.source.issue((key,), f"unknown key '{key}'", fix=fix, key=True)
            )
    for name, info in known.items():
        if name not in draft.data:
            if info.is_required() and name not in guessed:
                draft.issues.append(
                    SpecIssue(
                        draft.source.file,
                        1,
                        1,
                        f"the spec has no '{name}:'",
                        key=name,
                        fix=f"add '{name}:' ({info.description or 'required'})",
                    )
                )
            if info.is_required() and name in ("input", "output"):
                draft.fields_complete = False
            continue
        raw = draft.data[name]
        if name in ("input", "output"):
            _validate_fields(draft, name, raw)
            continue
        annotation: Any = info.annotation
        try:
            draft.sections[name] = TypeAdapter[Any](annotation).validate_python(raw)
        except ValidationError as exc:
            _report(draft, exc, (name,), info.annotation)


def _validate_fields(draft: SpecDraft, section: str, raw: Any) -> None:
    target = draft.input_fields if section == "input" else draft.output_fields
    if not isinstance(raw, dict) or not raw:
        draft.fields_complete = False
        draft.issues.append(
            draft.source.issue(
                (section,),
                f"'{section}' must list at least one field",
                fix=f"write e.g. '{section}:\\n  note: {{type: text}}'",
            )
        )
        return
    for fname, fraw in raw.items():
        try:
            target[fname] = FieldSpec.model_validate(fraw)
        except ValidationError as exc:
            draft.fields_complete = False
            _report(draft, exc, (section, fname), FieldSpec)


def _report(draft: SpecDraft, exc: ValidationError, base: YPath, annotation: Any) -> None:
    errors = exc.errors()
    # A misspelt key shows up twice: as unknown, and as its correct spelling missing. Say it once.
    misspelt: set[YPath] = set()
    for err in errors:
        loc = _clean_loc(err["loc"])
        if err["type"] == "extra_forbidden" and loc:
            guess = did_you_mean(str(loc[-1]), _model_keys(annotation, loc[:-1]))
            if guess:
                misspelt.add((*loc[:-1], guess))
    seen: set[tuple[YPath, str]] = set()
    for err in errors:
        loc = _clean_loc(err["loc"])
        path = (*base, *loc)
        etype = err["type"]
        if (path, etype) in seen or (etype == "missing" and loc in misspelt):
            continue
        if any(path[: len(r)] == r for r in draft.source.refused):
            continue
        seen.add((path, etype))
        draft.issues.append(_issue_for(draft, path, loc, err, annotation))


def _clean_loc(loc: tuple[Any, ...]) -> YPath:
    """Drop pydantic's union-branch labels ('str', 'dict[...]', 'function-after[...]')."""
    out: list[str | int] = []
    for part in loc:
        if isinstance(part, str) and ("[" in part or part in ("str", "int", "float", "bool")):
            continue
        out.append(part)
    return tuple(out)


def _issue_for(draft: SpecDraft, path: YPath, loc: YPath, err: Any, annotation: Any) -> SpecIssue:
    etype = err["type"]
    src = draft.source
    if etype == "extra_forbidden":
        key = str(path[-1])
        allowed = _model_keys(annotation, loc[:-1])
        guess = did_you_mean(key, allowed)
        if guess:
            fix = f"did you mean '{guess}'?"
        elif " " in key.strip():
            fix = "inside {...} a comma starts a new key: put text with commas in quotes"
        elif allowed:
            fix = f"allowed here: {', '.join(allowed)}"
        else:
            fix = "remove it"
        return src.issue(path, f"unknown key '{key}'", fix=fix, key=True)
    if etype == "missing":
        key = str(path[-1])
        return src.issue(path[:-1], f"'{key}' is required here", fix=f"add '{key}: ...'", key=True)
    value = err.get("input")
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    return src.issue(path, f"{err['msg']} (got {shown})", fix=_fix_for(etype, path))


def _fix_for(etype: str, path: YPath) -> str | None:
    last = str(path[-1]) if path else ""
    if etype in ("string_type",) and last in ("title", "spec", "version", "description"):
        return "write it as text; put quotes around it if it looks like a number"
    if etype == "dict_type":
        return "write this as a mapping of 'key: value' lines, indented under it"
    if etype == "list_type":
        return "write this as a list, one '- item' per line"
    if etype in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return "write a plain number"
    if etype == "literal_error":
        return "use one of the values listed in the message"
    return None


def _model_keys(annotation: Any, loc: YPath) -> list[str]:
    """The keys allowed at ``loc`` below ``annotation`` (for did-you-mean suggestions)."""
    current: Any = annotation
    for part in loc:
        current = _descend(current, part)
        if current is None:
            return []
    model = _as_model(current)
    return list(model.model_fields) if model else []


def _as_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        m = _as_model(arg)
        if m is not None:
            return m
    return None


def _descend(annotation: Any, part: str | int) -> Any:
    model = _as_model(annotation) if isinstance(part, str) else None
    if model is not None and isinstance(part, str) and part in model.model_fields:
        return model.model_fields[part].annotation
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in get_args(annotation):
            found = _descend(arg, part)
            if found is not None:
                return found
        return None
    if origin is list and isinstance(part, int):
        return get_args(annotation)[0]
    if origin is dict and isinstance(part, str):
        return get_args(annotation)[1]
    return None


def unknown_type_issue(source: SourceMap, path: YPath, type_name: str) -> SpecIssue:
    """The error for a field type that is not in the type language, with a suggestion."""
    guess = TYPE_ALIASES.get(type_name.lower()) or did_you_mean(type_name, FIELD_TYPES)
    fix = f"did you mean '{guess}'?" if guess else f"use one of: {', '.join(FIELD_TYPES)}"
    return source.issue(
        (*path, "type"), f"unknown field type '{type_name}' at {format_path(path)}", fix=fix
    )
