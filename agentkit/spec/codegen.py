"""Generate one importable, typed Python module per spec.

The module declares the spec's Input/Output classes as ordinary Pydantic models and a typed
function with the spec's inputs as keyword arguments, delegating to the runtime. Output is
deterministic (regenerating gives the same bytes) and passes ``mypy --strict`` and ``ruff``.
"""

from __future__ import annotations

import hashlib
import json
import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agentkit.spec.compiled import CompiledSpec
from agentkit.spec.contracts import camel
from agentkit.spec.fields import FieldSpec

__all__ = ["contract_hash", "generate_module", "write_modules"]

_DOMAIN = {
    "cpt": "Cpt",
    "hcpcs": "Hcpcs",
    "icd10cm": "Icd10cm",
    "modifier": "Modifier",
    "confidence": "Confidence",
    "quote": "Quote",
}


def contract_hash(spec: CompiledSpec[Any, Any]) -> str:
    """Changes when the typed interface changes (fields, types), not when rules change."""
    blob = json.dumps(
        [spec.input_schema, spec.output_schema], sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(blob.encode()).hexdigest()


@dataclass
class _Module:
    names: set[str] = field(default_factory=set)
    classes: list[str] = field(default_factory=list)
    uses_datetime: bool = False
    uses_literal: bool = False
    uses_annotated: bool = False


def _py(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


def _constraints(spec: FieldSpec) -> list[str]:
    out = []
    if spec.type in ("integer", "number"):
        cast = int if spec.type == "integer" else float
        if spec.min is not None:
            out.append(f"ge={cast(spec.min)!r}")
        if spec.max is not None:
            out.append(f"le={cast(spec.max)!r}")
    elif spec.type in ("text", "string", "list"):
        if spec.min is not None:
            out.append(f"min_length={int(spec.min)}")
        if spec.max is not None:
            out.append(f"max_length={int(spec.max)}")
    return out


def _type(mod: _Module, owner: str, name: str, spec: FieldSpec, limits: bool = True) -> str:
    t = spec.type
    if t in _DOMAIN:
        base = _DOMAIN[t]
    elif t in ("text", "string"):
        base = "str"
    elif t == "integer":
        base = "int"
    elif t == "number":
        base = "float"
    elif t == "boolean":
        base = "bool"
    elif t == "date":
        mod.uses_datetime = True
        base = "datetime.date"
    elif t == "enum":
        mod.uses_literal = True
        base = "Literal[" + ", ".join(_py(v) for v in spec.values or []) + "]"
    elif t == "list":
        assert spec.items is not None
        base = f"list[{_type(mod, owner, name + '_item', spec.items, limits)}]"
    elif t == "object":
        cls = owner + camel(name)
        _class(mod, cls, spec.fields or {})
        base = cls
    else:  # pragma: no cover - compile_spec has rejected unknown types
        raise ValueError(t)
    constraints = _constraints(spec) if limits else []
    if constraints:
        mod.uses_annotated = True
        base = f"Annotated[{base}, Field({', '.join(constraints)})]"
    return base


def _default(spec: FieldSpec) -> str | None:
    if spec.has_default:
        value = spec.default
        if isinstance(value, list):
            return (
                "Field(default_factory=list)"
                if not value
                else f"Field(default_factory=lambda: {value!r})"
            )
        return (
            _py(value)
            if not hasattr(value, "isoformat")
            else f"datetime.date.fromisoformat({_py(value.isoformat())})"
        )
    if spec.optional:
        return "None"
    return None


def _class(mod: _Module, name: str, fields: dict[str, FieldSpec]) -> None:
    if name in mod.names:
        return
    mod.names.add(name)
    lines = [f"class {name}(BaseModel):", '    model_config = ConfigDict(extra="forbid")', ""]
    for fname, fspec in fields.items():
        annotation = _type(mod, name, fname, fspec)
        if fspec.optional or (fspec.has_default and fspec.default is None):
            annotation += " | None"
        default = _default(fspec)
        desc = (fspec.description or "").strip().replace("\n", " ")
        if desc and default is not None and default.startswith("Field("):
            default = default[:-1] + f", description={_py(desc)})"
        elif desc:
            default = (
                f"Field(description={_py(desc)})"
                if default is None
                else (f"Field(default={default}, description={_py(desc)})")
            )
        line = f"    {fname}: {annotation}" + (f" = {default}" if default is not None else "")
        lines.extend(_wrap_assignment(line))
    mod.classes.append("\n".join(lines).rstrip())


def _wrap_assignment(line: str) -> list[str]:
    if len(line) <= 100 or " = Field(" not in line:
        return [line]
    head, _, call = line.partition(" = Field(")
    args = _split_args(call[:-1])
    return [f"{head} = Field(", *[f"        {a}," for a in args], "    )"]


def _split_args(text: str) -> list[str]:
    args, depth, current, quote = [], 0, "", ""
    for ch in text:
        if quote:
            current += ch
            if ch == quote and not current.endswith("\\" + quote):
                quote = ""
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            args.append(current.strip())
            current = ""
            continue
        current += ch
    if current.strip():
        args.append(current.strip())
    return args


def generate_module(spec: CompiledSpec[Any, Any], out_dir: Path) -> str:
    """The source text of the module for ``spec`` (deterministic)."""
    mod = _Module()
    prefix = camel(spec.name)
    _class(mod, f"{prefix}Input", spec.input_fields)
    _class(mod, f"{prefix}Output", spec.output_fields)
    in_cls, out_cls = f"{prefix}Input", f"{prefix}Output"

    params, passes = [], []
    for fname, fspec in spec.input_fields.items():
        annotation = _type(mod, in_cls, fname, fspec, limits=False)
        optional = fspec.optional or (fspec.has_default and fspec.default is None)
        if optional:
            annotation += " | None"
        default = _default(fspec)
        if default is not None and default.startswith("Field("):
            default = "None"
            annotation += "" if optional else " | None"
        params.append(
            f"    {fname}: {annotation}" + (f" = {default}" if default is not None else "")
        )
        passes.append(f'"{fname}": {fname}')
    params.append("    route: Sequence[str] | None = None")

    rel = os.path.relpath(spec.path, out_dir.resolve())
    stdlib = ["from __future__ import annotations", ""]
    std_imports = []
    if mod.uses_datetime:
        std_imports.append("import datetime")
    std_imports.append("from collections.abc import Sequence")
    std_imports.append("from pathlib import Path")
    typing_names = [
        n for n, used in (("Annotated", mod.uses_annotated), ("Literal", mod.uses_literal)) if used
    ]
    if typing_names:
        std_imports.append(f"from typing import {', '.join(typing_names)}")
    domain = sorted({_DOMAIN[t] for t in _DOMAIN if _uses_type(spec, t)})
    support = sorted(
        ["BaseModel", "ConfigDict", "Field", "GeneratedSpec", "Result", *domain],
        key=lambda s: (not s.isupper(), s),
    )
    support = sorted(support, key=_isort_key)
    import_line = "from agentkit.codegen_support import " + ", ".join(support)
    if len(import_line) > 100:
        import_line = (
            "from agentkit.codegen_support import (\n"
            + "".join(f"    {n},\n" for n in support)
            + ")"
        )

    doc_title = spec.title.replace('"""', "'''")
    description = textwrap.fill(
        spec.description, 92, initial_indent="    ", subsequent_indent="    "
    )
    header = (
        f'"""Typed function for the agentkit spec `{spec.name}` (generated; do not edit).\n\n'
        f"Regenerate with: agentkit codegen <specs dir> --out <this dir>\n"
        f'"""'
    )
    body = [
        header,
        "",
        *stdlib,
        *std_imports,
        "",
        import_line,
        "",
        "SPEC = GeneratedSpec(",
        f"    name={_py(spec.name)},",
        f"    version={_py(spec.version)},",
        f"    path=Path(__file__).parent / {_py(Path(rel).as_posix())},",
        f"    contract={_py(contract_hash(spec))},",
        ")",
        "",
        "",
    ]
    body.append("\n\n\n".join(mod.classes))
    body += ["", ""]
    signature = f"def {spec.name}(\n    *,\n" + ",\n".join(params) + f",\n) -> Result[{out_cls}]:"
    call_args = "{" + ", ".join(passes) + "}"
    call = f"    return SPEC.call({out_cls}, {call_args}, route=route)"
    if len(call) > 100:
        call = (
            f"    return SPEC.call(\n        {out_cls},\n        {{\n"
            + "".join(f"            {p},\n" for p in passes)
            + "        },\n        route=route,\n    )"
        )
    body += [signature, f'    """{doc_title}.\n\n{description}\n    """', call, ""]
    asig = (
        f"async def {spec.name}_async(\n    *,\n"
        + ",\n".join(params)
        + f",\n) -> Result[{out_cls}]:"
    )
    acall = call.replace("return SPEC.call(", "return await SPEC.acall(")
    body += ["", asig, f'    """{doc_title} (async)."""', acall, ""]
    return "\n".join(body)


def _isort_key(name: str) -> tuple[int, str]:
    # isort order inside one import: CONSTANTS, then Classes, then functions
    if name.isupper():
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


def _uses_type(spec: CompiledSpec[Any, Any], type_name: str) -> bool:
    def walk(fields: dict[str, FieldSpec]) -> bool:
        for f in fields.values():
            if f.type == type_name:
                return True
            if f.items is not None and walk({"_": f.items}):
                return True
            if f.fields and walk(f.fields):
                return True
        return False

    return walk(spec.input_fields) or walk(spec.output_fields)


def write_modules(specs: list[CompiledSpec[Any, Any]], out_dir: Path) -> list[Path]:
    """Write ``<spec>.py`` for each spec plus an ``__init__.py``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in sorted(specs, key=lambda s: s.name):
        target = out_dir / f"{spec.name}.py"
        text = generate_module(spec, out_dir)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        written.append(target)
    init = out_dir / "__init__.py"
    init_text = '"""Typed functions generated by agentkit codegen."""\n'
    if not init.exists() or init.read_text(encoding="utf-8") != init_text:
        init.write_text(init_text, encoding="utf-8")
    written.append(init)
    return written
