"""Prompts: Jinja2 templates rendered in an immutable sandbox with strict undefined names.

The note is untrusted input. It is fenced between markers that cannot occur inside it, and
the system message tells the model that fenced text is data, never instructions. Templates
cannot reach Python internals: the sandbox refuses, and we turn that into a PromptError.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from agentkit.errors import PromptError, SpecIssue
from agentkit.providers.base import Message
from agentkit.spec.fields import FIELD_TYPES, FieldSpec

__all__ = ["PromptTemplates", "TemplateSource", "default_templates", "describe_fields", "fence"]


@dataclass(frozen=True)
class TemplateSource:
    """A template's text and where it sits in the spec file (for error lines)."""

    text: str
    file: str
    first_line: int | None  # 1-based line of the template's first line in `file`
    key: str


def default_templates() -> tuple[str, str]:
    base = resources.files("agentkit.spec") / "templates"
    return (base / "system.jinja").read_text("utf-8"), (base / "user.jinja").read_text("utf-8")


def fence(value: Any, name: str = "data") -> str:
    """Wrap untrusted text between markers whose tag does not occur in the text."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    tag = re.sub(r"[^A-Z0-9]", "_", str(name).upper())[:24] or "DATA"
    salt = 0
    while True:
        digest = hashlib.sha256(f"{salt}:{text}".encode()).hexdigest()[:6].upper()
        marker = f"{tag}_{digest}"
        if marker not in text:
            break
        salt += 1
    return f"<<<{marker}\n{text}\n{marker}>>>"


def describe_fields(fields: Mapping[str, FieldSpec], indent: int = 0) -> str:
    """The output contract in words, one line per field, nested by indentation."""
    lines: list[str] = []
    pad = "  " * indent
    for name, spec in fields.items():
        kind = _kind(spec)
        need = "may be null" if spec.optional else "required"
        desc = f": {spec.description.strip()}" if spec.description else ""
        lines.append(f'{pad}- "{name}" ({kind}, {need}){desc}')
        item = spec.items if spec.type == "list" else None
        sub = (item.fields if item is not None and item.type == "object" else None) or (
            spec.fields if spec.type == "object" else None
        )
        if sub:
            lines.append(describe_fields(sub, indent + 1))
    return "\n".join(lines)


def _kind(spec: FieldSpec) -> str:
    if spec.type == "list" and spec.items is not None:
        inner = "objects with these fields" if spec.items.type == "object" else _kind(spec.items)
        return f"list of: {inner}"
    if spec.type == "enum" and spec.values:
        return "one of: " + ", ".join(spec.values)
    if spec.type == "quote":
        return f"exact words copied from {spec.of}"
    bounds = ""
    if spec.min is not None or spec.max is not None:
        lo = "" if spec.min is None else f"{spec.min:g}"
        hi = "" if spec.max is None else f"{spec.max:g}"
        bounds = f" {lo}..{hi}"
    return FIELD_TYPES.get(spec.type, spec.type).split(":")[0].split(",")[0] + bounds


# prompt-context names whose value changes from call to call
_PER_CALL_NAMES = frozenset({"inputs", "candidates"})


class _Env(ImmutableSandboxedEnvironment):
    pass


def _make_env() -> _Env:
    env = _Env(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=False,
    )
    env.filters["fence"] = fence
    return env


_ENV = _make_env()


class PromptTemplates:
    """The compiled system and user templates of one spec."""

    def __init__(self, system: TemplateSource, user: TemplateSource, spec_name: str) -> None:
        self.system_source = system
        self.user_source = user
        self.spec_name = spec_name
        self.system = self._compile(system)
        self.user = self._compile(user)
        # A system message that reads no per-call name (inputs, candidates) is the same for
        # every call of the spec: render it once.
        self._system_static = not (
            meta.find_undeclared_variables(_ENV.parse(system.text)) & _PER_CALL_NAMES
        )
        self._system_rendered: Message | None = None

    def _compile(self, src: TemplateSource) -> jinja2.Template:
        try:
            return _ENV.from_string(src.text)
        except TemplateSyntaxError as exc:
            raise PromptError(
                [
                    self._issue(
                        src,
                        exc.lineno,
                        f"template syntax error: {exc.message}",
                        "check the {{ }} and {% %} tags on this line",
                    )
                ]
            ) from None

    def _issue(self, src: TemplateSource, tline: int | None, message: str, fix: str) -> SpecIssue:
        line = None
        if src.first_line is not None:
            line = src.first_line + ((tline or 1) - 1)
        return SpecIssue(
            src.file, line, None, f"{message} (spec {self.spec_name})", key=src.key, fix=fix
        )

    def render(self, context: Mapping[str, Any]) -> tuple[Message, Message]:
        system = self._system_rendered
        if system is None:
            text = self._render(self.system, self.system_source, context)
            system = Message("system", _tidy(text))
            if self._system_static:
                self._system_rendered = system
        user = self._render(self.user, self.user_source, context)
        return system, Message("user", _tidy(user))

    def _render(
        self, template: jinja2.Template, src: TemplateSource, ctx: Mapping[str, Any]
    ) -> str:
        try:
            return template.render(ctx)
        except SecurityError as exc:
            message = f"template tried to reach Python internals: {exc}"
            fix = "templates may only use the documented variables and filters"
            error: Exception = exc
        except UndefinedError as exc:
            message = f"template uses an undefined name: {exc.message}"
            fix = f"available names: {', '.join(sorted(ctx))}"
            error = exc
        except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
            message, fix, error = f"template error: {exc}", "check this line of the template", exc
        raise PromptError([self._issue(src, _template_line(error), message, fix)]) from None


_BLANKS = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


def _template_line(exc: BaseException) -> int | None:
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
