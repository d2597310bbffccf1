"""Which parts of an output are codes, found from the spec's field tree (not hard-coded).

A *code family* is one place in the output that holds codes of the types ``cpt``, ``hcpcs`` or
``icd10cm``: a list of objects with a code field (``procedures``: code + modifiers + units),
a list of bare codes, or a single code (``em_level``'s ``code``). Modifiers are the sibling
list whose items are of type ``modifier``; units the sibling integer named ``units``.

The same structure serves the eval metrics, the review commands (what a reviewer changed)
and the trace analytics (which codes get overridden). Records read back without their spec
use :func:`guess_families`, which recognises the same shapes from the data alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from agentkit.spec.fields import FieldSpec
from agentkit.types import CPT_PATTERN, HCPCS_PATTERN, ICD10CM_PATTERN, normalize_icd10cm

__all__ = [
    "CODE_TYPES",
    "CodeFamily",
    "CodeLine",
    "code_families",
    "extract_lines",
    "format_line",
    "guess_families",
    "has_family",
    "lines_to_partial",
    "normalize_code",
    "type_of_code",
]

CODE_TYPES = ("cpt", "hcpcs", "icd10cm")
_PATTERNS = {
    "cpt": re.compile(CPT_PATTERN),
    "hcpcs": re.compile(HCPCS_PATTERN),
    "icd10cm": re.compile(ICD10CM_PATTERN),
}


@dataclass(frozen=True)
class CodeFamily:
    """One place codes live in an output.

    ``path`` is the dotted path of the list or scalar field (``procedures``, ``code``,
    ``claim.lines``); ``code_key`` the field inside each item (None for a list of bare codes
    or a scalar code).
    """

    name: str
    path: tuple[str, ...]
    kind: Literal["items", "codes", "scalar"]
    types: tuple[str, ...]
    code_key: str | None = None
    modifiers_key: str | None = None
    units_key: str | None = None

    @property
    def ordered(self) -> bool:
        """Lists carry order: the first line is the principal procedure / first-listed dx."""
        return self.kind != "scalar"


@dataclass(frozen=True)
class CodeLine:
    """One code with what identifies it on a claim. None = not stated (expected side)."""

    code: str
    modifiers: tuple[str, ...] | None = None
    units: int | None = None


def type_of_code(code: str) -> str | None:
    """``cpt`` / ``hcpcs`` / ``icd10cm`` by shape (ICD-10-CM last: HCPCS shapes overlap it)."""
    c = code.strip().upper()
    for name in ("cpt", "hcpcs", "icd10cm"):
        if _PATTERNS[name].match(c):
            return name
    return None


def normalize_code(value: Any, types: Iterable[str] = CODE_TYPES) -> str:
    """A code as agentkit stores it: upper case, CPT zero-padded, ICD-10-CM with its dot."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:05d}"
    code = str(value).strip().upper()
    allowed = tuple(types)
    if (
        "icd10cm" in allowed
        and not _PATTERNS["cpt"].match(code)
        and not ("hcpcs" in allowed and _PATTERNS["hcpcs"].match(code))
    ):
        try:
            return normalize_icd10cm(code)
        except ValueError:
            return code
    return code


def code_families(fields: Mapping[str, FieldSpec]) -> list[CodeFamily]:
    """Every code family of an output field tree, in field order."""
    found: list[CodeFamily] = []
    _collect(fields, (), found)
    return found


def _collect(
    fields: Mapping[str, FieldSpec], prefix: tuple[str, ...], found: list[CodeFamily]
) -> None:
    for name, spec in fields.items():
        path = (*prefix, name)
        if spec.type in CODE_TYPES:
            found.append(CodeFamily(".".join(path), path, "scalar", (spec.type,)))
        elif spec.type == "object" and spec.fields:
            _collect(spec.fields, path, found)
        elif spec.type == "list" and spec.items is not None:
            items = spec.items
            if items.type in CODE_TYPES:
                found.append(CodeFamily(".".join(path), path, "codes", (items.type,)))
            elif items.type == "object" and items.fields:
                code_keys = [k for k, f in items.fields.items() if f.type in CODE_TYPES]
                modifiers = next(
                    (
                        k
                        for k, f in items.fields.items()
                        if f.type == "list" and f.items is not None and f.items.type == "modifier"
                    ),
                    None,
                )
                units = (
                    "units"
                    if "units" in items.fields and items.fields["units"].type == "integer"
                    else None
                )
                for key in code_keys:
                    label = ".".join(path) if len(code_keys) == 1 else ".".join((*path, key))
                    found.append(
                        CodeFamily(
                            label, path, "items", (items.fields[key].type,), key, modifiers, units
                        )
                    )


def _at(data: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = data
    for part in path:
        if not isinstance(value, Mapping) or part not in value:
            return _MISSING
        value = value[part]
    return value


_MISSING: Any = object()


def has_family(data: Mapping[str, Any], family: CodeFamily) -> bool:
    """Whether ``data`` says anything about this family (expected outputs may be partial)."""
    return _at(data, family.path) is not _MISSING


def extract_lines(data: Mapping[str, Any], family: CodeFamily) -> list[CodeLine]:
    """The code lines of one family in ``data`` (an output, or an eval case's expected)."""
    value = _at(data, family.path)
    if value is _MISSING or value is None:
        return []
    if family.kind == "scalar":
        if isinstance(value, Mapping):  # tolerate {code: {code: 99214}}
            value = value.get("code")
        return [] if value in (None, "") else [CodeLine(normalize_code(value, family.types))]
    if not isinstance(value, list):
        value = [value]
    lines: list[CodeLine] = []
    for item in value:
        if family.kind == "codes" or not isinstance(item, Mapping):
            if item not in (None, ""):
                lines.append(CodeLine(normalize_code(item, family.types)))
            continue
        code = item.get(family.code_key or "code")
        if code in (None, ""):
            continue
        modifiers: tuple[str, ...] | None = None
        if family.modifiers_key and family.modifiers_key in item:
            raw = item.get(family.modifiers_key) or []
            modifiers = tuple(sorted(str(m).strip().upper() for m in raw))
        units: int | None = None
        if family.units_key and item.get(family.units_key) is not None:
            try:
                units = int(item[family.units_key])
            except (TypeError, ValueError):
                units = None
        lines.append(CodeLine(normalize_code(code, family.types), modifiers, units))
    return lines


def format_line(line: CodeLine) -> str:
    """``49320-59``, ``64483*2``, ``K80.20``: how reviewers and diffs write a code line."""
    text = line.code
    if line.modifiers:
        text += "".join(f"-{m}" for m in line.modifiers)
    if line.units is not None and line.units != 1:
        text += f"*{line.units}"
    return text


def guess_families(data: Mapping[str, Any]) -> list[CodeFamily]:
    """Code families recognised from an output's shape alone (records without their spec)."""
    found: list[CodeFamily] = []
    for name, value in data.items():
        if (
            isinstance(value, str)
            and (name == "code" or name.endswith("_code"))
            and type_of_code(value)
        ):
            found.append(CodeFamily(name, (name,), "scalar", (type_of_code(value) or "cpt",)))
        elif isinstance(value, list):
            items = [v for v in value if v is not None]
            if items and all(
                isinstance(v, Mapping) and isinstance(v.get("code"), str) for v in items
            ):
                types = tuple(sorted({type_of_code(v["code"]) or "cpt" for v in items}))
                modifiers = "modifiers" if any("modifiers" in v for v in items) else None
                units = "units" if any("units" in v for v in items) else None
                found.append(CodeFamily(name, (name,), "items", types, "code", modifiers, units))
            elif items and all(isinstance(v, str) and type_of_code(v) for v in items):
                types = tuple(sorted({type_of_code(v) or "cpt" for v in items}))
                found.append(CodeFamily(name, (name,), "codes", types))
    return found


def lines_to_partial(
    families: list[CodeFamily], lines: dict[str, list[CodeLine]]
) -> dict[str, Any]:
    """The inverse of :func:`extract_lines`: code lines back into a partial output (the
    ``expected`` of an eval case)."""
    out: dict[str, Any] = {}
    for fam in families:
        if fam.name not in lines:
            continue
        fam_lines = lines[fam.name]
        value: Any
        if fam.kind == "scalar":
            value = fam_lines[0].code if fam_lines else None
        elif fam.kind == "codes":
            value = [x.code for x in fam_lines]
        else:
            value = []
            for x in fam_lines:
                item: dict[str, Any] = {fam.code_key or "code": x.code}
                if fam.modifiers_key:
                    item[fam.modifiers_key] = list(x.modifiers or ())
                if fam.units_key:
                    item[fam.units_key] = x.units if x.units is not None else 1
                value.append(item)
        target = out
        for part in fam.path[:-1]:
            target = target.setdefault(part, {})
        if fam.kind == "items" and isinstance(target.get(fam.path[-1]), list):
            # two code fields in the same list item: merge line by line
            for merged, item in zip(target[fam.path[-1]], value, strict=False):
                merged.update(item)
            continue
        target[fam.path[-1]] = value
    return out
