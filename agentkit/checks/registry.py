"""The validator registry: what a spec's ``checks:`` list can name.

A check is a plain function ``(ctx, options) -> iterable of Finding``. It is registered once
with :func:`register_check`, which also declares its options model (validated when the spec is
loaded, so a typo in an option is a spec error, not a runtime surprise) and whether its error
findings are sent back to the model for a re-ask by default.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from agentkit.result import Finding

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.spec.fields import FieldSpec

__all__ = [
    "CheckContext",
    "CheckDef",
    "CheckOptions",
    "TypedValue",
    "get_check",
    "known_checks",
    "register_check",
]


class CheckOptions(BaseModel):
    """Options every check accepts. Checks extend this with their own fields."""

    model_config = ConfigDict(extra="forbid")

    severity: str | None = None  # override: "error" | "warning"
    reask: bool | None = None  # override the check's default


@dataclass(frozen=True)
class TypedValue:
    """A value found in an output by its spec type, with where it sits."""

    path: str  # "procedures[2].code"
    value: Any
    field: FieldSpec
    parent: Any  # the object (model instance) holding the value, for siblings such as modifiers


@dataclass
class CheckContext:
    """What a check sees: the spec's field tree, the validated inputs and the parsed output."""

    spec_name: str
    inputs: BaseModel
    output: BaseModel
    output_fields: dict[str, FieldSpec]
    input_fields: dict[str, FieldSpec]
    date_of_service: date | None = None
    patient_sex: str | None = None
    patient_age: int | None = None
    cache: dict[str, Any] = field(default_factory=dict)

    def values_of_type(self, *type_names: str) -> Iterator[TypedValue]:
        """Every value in the output whose spec type is one of ``type_names`` (list items too)."""
        from agentkit.spec.walk import walk_values

        for tv in walk_values(self.output, self.output_fields):
            if tv.field.type in type_names:
                yield tv

    def input_text(self, path: str) -> str | None:
        """The text of an input field by dotted path (``note``, ``patient.name``)."""
        obj: Any = self.inputs
        for part in path.split("."):
            obj = getattr(obj, part, None)
            if obj is None:
                return None
        return obj if isinstance(obj, str) else str(obj)


CheckFunc = Callable[[CheckContext, Any], Iterable[Finding]]


@dataclass(frozen=True)
class CheckDef:
    name: str
    func: CheckFunc
    options_model: type[CheckOptions]
    reask: bool
    description: str
    always: bool = False  # runs even when the spec does not list it (e.g. quotes_in_source)

    def run(self, ctx: CheckContext, options: CheckOptions) -> list[Finding]:
        findings = list(self.func(ctx, options))
        reask = self.reask if options.reask is None else options.reask
        out: list[Finding] = []
        for f in findings:
            updates: dict[str, Any] = {}
            if options.severity in ("error", "warning") and f.severity != options.severity:
                updates["severity"] = options.severity
            if f.reask != (reask and (updates.get("severity", f.severity) == "error")):
                updates["reask"] = reask and updates.get("severity", f.severity) == "error"
            out.append(f.model_copy(update=updates) if updates else f)
        return out


_CHECKS: dict[str, CheckDef] = {}
# Modules that register the bundled checks; imported on first lookup.
_BUILTIN_MODULES = ("agentkit.checks.generic", "agentkit.checks.coding_checks")
_loaded = False


def register_check(
    name: str,
    *,
    options: type[CheckOptions] = CheckOptions,
    reask: bool = False,
    description: str = "",
    always: bool = False,
) -> Callable[[CheckFunc], CheckFunc]:
    """Decorator: make ``func`` available to specs as ``name``."""

    def decorate(func: CheckFunc) -> CheckFunc:
        _CHECKS[name] = CheckDef(
            name=name,
            func=func,
            options_model=options,
            reask=reask,
            description=description or (func.__doc__ or "").strip().split("\n")[0],
            always=always,
        )
        return func

    return decorate


def _ensure_builtins() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in _BUILTIN_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:  # a module still being written is simply absent
            if exc.name != module:
                raise


def known_checks() -> dict[str, CheckDef]:
    _ensure_builtins()
    return dict(_CHECKS)


def get_check(name: str) -> CheckDef | None:
    _ensure_builtins()
    return _CHECKS.get(name)
