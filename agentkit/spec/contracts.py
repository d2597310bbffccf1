"""Turn a spec's field tree into Pydantic models (``CptCodingInput``, ``CptCodingOutput``).

Every field is checked for meaning while it is built (an enum without values, min above max,
a quote whose ``of`` names no input text), so the errors arrive with the field's line.
"""

from __future__ import annotations

import datetime as dt
import keyword
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic import create_model as _create_model

from agentkit import types as domain
from agentkit.errors import SpecIssue
from agentkit.spec.fields import FIELD_TYPES, SIZED_TYPES, FieldSpec
from agentkit.spec.loader import unknown_type_issue
from agentkit.spec.yaml_source import Path, SourceMap

__all__ = ["ContractBuilder", "camel"]

_NAME_RE = re.compile(r"^[a-z_][a-z0-9_]*$")
_RESERVED = set(dir(BaseModel)) | {"model_config", "model_fields", "schema", "json", "dict", "copy"}

_DOMAIN: dict[str, Any] = {
    "cpt": domain.Cpt,
    "hcpcs": domain.Hcpcs,
    "icd10cm": domain.Icd10cm,
    "modifier": domain.Modifier,
    "confidence": domain.Confidence,
    "quote": domain.Quote,
}


def camel(name: str) -> str:
    """``cpt_coding`` -> ``CptCoding``."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\-\s]+", name) if part)


def _nonblank(minimum: int) -> AfterValidator:
    def check(value: str) -> str:
        if len(value.strip()) < minimum:
            if minimum == 1:
                raise ValueError("must not be empty or only whitespace")
            raise ValueError(f"must have at least {minimum} characters besides whitespace")
        return value

    return AfterValidator(check)


class ContractBuilder:
    """Builds the models of one spec and collects the issues found on the way."""

    def __init__(self, spec_name: str, source: SourceMap, issues: list[SpecIssue]) -> None:
        self.prefix = camel(spec_name) or "Spec"
        self.source = source
        self.issues = issues
        self.input_fields: dict[str, FieldSpec] = {}
        self.ok = True

    def error(self, path: Path, message: str, fix: str | None = None, key: bool = False) -> None:
        self.ok = False
        self.issues.append(self.source.issue(path, message, fix=fix, key=key))

    # ------------------------------------------------------------------ models

    def build(self, section: str, fields: dict[str, FieldSpec]) -> type[BaseModel] | None:
        model_name = f"{self.prefix}{camel(section)}"
        model = self._object_model(model_name, fields, (section,), is_input=section == "input")
        return model

    def _object_model(
        self, name: str, fields: dict[str, FieldSpec], path: Path, *, is_input: bool
    ) -> type[BaseModel] | None:
        definitions: dict[str, Any] = {}
        for fname, fspec in fields.items():
            fpath = (*path, fname)
            if not _NAME_RE.match(fname) or keyword.iskeyword(fname) or fname in _RESERVED:
                self.error(
                    fpath,
                    f"'{fname}' cannot be used as a field name",
                    fix="use lower_snake_case letters, digits and _ (not a Python keyword)",
                    key=True,
                )
                continue
            annotation = self._annotation(name, fname, fspec, fpath, is_input=is_input)
            if annotation is None:
                continue
            definitions[fname] = (annotation, self._field_info(fspec, annotation, fpath))
        if not self.ok:
            return None
        config = ConfigDict(extra="forbid", title=name)
        model: type[BaseModel] = _create_model(name, __config__=config, **definitions)
        model.__module__ = "agentkit.generated"
        return model

    def _field_info(self, spec: FieldSpec, annotation: Any, path: Path) -> Any:
        kwargs: dict[str, Any] = {}
        if spec.description:
            kwargs["description"] = spec.description.strip()
        if spec.has_default:
            default = spec.default
            if default is not None:
                try:
                    default = TypeAdapter(annotation).validate_python(default)
                except ValidationError as exc:
                    msg = exc.errors()[0]["msg"]
                    self.error((*path, "default"), f"default {spec.default!r} does not fit: {msg}")
                    return Field(**kwargs)
            if isinstance(default, list | dict):
                kwargs["default_factory"] = (lambda d: lambda: type(d)(d))(default)
            else:
                kwargs["default"] = default
        elif spec.optional:
            kwargs["default"] = None
        return Field(**kwargs)

    def _annotation(
        self, owner: str, fname: str, spec: FieldSpec, path: Path, *, is_input: bool
    ) -> Any:
        base = self._base_type(owner, fname, spec, path, is_input=is_input)
        if base is None:
            return None
        if spec.optional or (spec.has_default and spec.default is None):
            return base | None
        return base

    def _base_type(
        self, owner: str, fname: str, spec: FieldSpec, path: Path, *, is_input: bool
    ) -> Any:
        t = spec.type
        if t not in FIELD_TYPES:
            self.ok = False
            self.issues.append(unknown_type_issue(self.source, path, t))
            return None
        self._check_options(spec, path, is_input=is_input)
        lo, hi = spec.min, spec.max
        if t in ("text", "string"):
            metadata: list[Any] = []
            if lo is not None:
                metadata.append(_nonblank(int(lo)) if t == "text" else Field(min_length=int(lo)))
            if hi is not None:
                metadata.append(Field(max_length=int(hi)))
            return Annotated[str, *metadata] if metadata else str
        if t in ("integer", "number"):
            py: type = int if t == "integer" else float
            constraints: dict[str, Any] = {}
            if lo is not None:
                constraints["ge"] = int(lo) if t == "integer" else lo
            if hi is not None:
                constraints["le"] = int(hi) if t == "integer" else hi
            return Annotated[py, Field(**constraints)] if constraints else py
        if t == "boolean":
            return bool
        if t == "date":
            return dt.date
        if t == "enum":
            values = spec.values or []
            if not values:
                return None
            return Literal[tuple(values)]
        if t == "list":
            if spec.items is None:
                return None
            item = self._base_type(
                owner, fname + "_item", spec.items, (*path, "items"), is_input=is_input
            )
            if item is None:
                return None
            constraints = {}
            if lo is not None:
                constraints["min_length"] = int(lo)
            if hi is not None:
                constraints["max_length"] = int(hi)
            list_type: Any = list[item]  # type: ignore[valid-type]
            return Annotated[list_type, Field(**constraints)] if constraints else list_type
        if t == "object":
            if not spec.fields:
                return None
            name = owner + camel(fname)
            return self._object_model(name, spec.fields, (*path, "fields"), is_input=is_input)
        return _DOMAIN[t]

    # ------------------------------------------------------------------ meaning

    def _check_options(self, spec: FieldSpec, path: Path, *, is_input: bool) -> None:
        t = spec.type
        set_ = spec.model_fields_set
        if t == "enum":
            if not spec.values:
                self.error(
                    path,
                    "an enum needs the list of allowed words",
                    fix="add 'values: [first, second, ...]'",
                )
            elif len(set(spec.values)) != len(spec.values):
                dupes = sorted({v for v in spec.values if spec.values.count(v) > 1})
                self.error((*path, "values"), f"enum values repeat: {', '.join(dupes)}")
        elif "values" in set_:
            self.error(
                (*path, "values"),
                f"'values' only applies to enum fields, not {t}",
                fix="remove 'values' or change the type to enum",
                key=True,
            )
        if t == "list" and spec.items is None:
            self.error(
                path,
                "a list needs 'items' saying what each element is",
                fix="add e.g. 'items: {type: cpt}'",
            )
        if t != "list" and "items" in set_:
            self.error(
                (*path, "items"),
                f"'items' only applies to lists, not {t}",
                fix="remove 'items' or change the type to list",
                key=True,
            )
        if t == "object" and not spec.fields:
            self.error(
                path, "an object needs 'fields'", fix="add 'fields:' with at least one field"
            )
        if t != "object" and "fields" in set_:
            self.error(
                (*path, "fields"),
                f"'fields' only applies to objects, not {t}",
                fix="remove 'fields' or change the type to object",
                key=True,
            )
        if t == "quote":
            self._check_quote(spec, path, is_input=is_input)
        elif "of" in set_:
            self.error(
                (*path, "of"),
                f"'of' only applies to quote fields, not {t}",
                key=True,
                fix="remove 'of' or change the type to quote",
            )
        if ("min" in set_ or "max" in set_) and t not in SIZED_TYPES:
            which = "min" if "min" in set_ else "max"
            self.error(
                (*path, which),
                f"'{which}' does not apply to {t} fields",
                key=True,
                fix="use min/max only on integer, number, text, string or list",
            )
        if spec.min is not None and spec.max is not None and spec.min > spec.max:
            self.error(
                (*path, "min"),
                f"min ({spec.min:g}) is larger than max ({spec.max:g})",
                fix="swap them or correct one of the numbers",
            )
        if t in ("text", "string", "list") and spec.min is not None and spec.min < 0:
            self.error((*path, "min"), "a length cannot be negative")
        if spec.optional and spec.has_default and spec.default is not None:
            pass  # optional with a default is fine: the default wins

    def _check_quote(self, spec: FieldSpec, path: Path, *, is_input: bool) -> None:
        if is_input:
            self.error(
                path,
                "quote fields belong in the output, copied from an input text",
                fix="use type text for inputs",
            )
            return
        if not spec.of:
            names = [n for n, f in self.input_fields.items() if f.type in ("text", "string")]
            fix = f"add 'of: {names[0]}'" if names else "add 'of: <input text field>'"
            self.error(path, "a quote must say which input text it is copied from", fix=fix)
            return
        target = self._input_field(spec.of)
        if target is None:
            names = [n for n, f in self.input_fields.items() if f.type in ("text", "string")]
            from agentkit.spec.loader import did_you_mean

            guess = did_you_mean(spec.of, names)
            fix = (
                f"did you mean '{guess}'?"
                if guess
                else f"use one of: {', '.join(names) or '(none)'}"
            )
            self.error((*path, "of"), f"quote 'of: {spec.of}' names no input field", fix=fix)
        elif target.type not in ("text", "string"):
            self.error(
                (*path, "of"), f"quote 'of: {spec.of}' must name a text input, not {target.type}"
            )

    def _input_field(self, dotted: str) -> FieldSpec | None:
        fields: dict[str, FieldSpec] | None = self.input_fields
        found: FieldSpec | None = None
        for part in dotted.split("."):
            if not fields or part not in fields:
                return None
            found = fields[part]
            fields = found.fields
        return found
