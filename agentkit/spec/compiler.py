"""Compile a spec file into a :class:`CompiledSpec`: models, prompt, checks, fingerprint.

Every phase adds to one list of located issues; the spec compiles only when the list is
empty, and then the caller sees every problem of the file at once.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from agentkit import types as domain
from agentkit.checks.quotes import normalize_for_quote, quote_in_source
from agentkit.checks.registry import CheckOptions, get_check, known_checks
from agentkit.errors import PromptError, SpecError, SpecIssue
from agentkit.providers.registry import parse_route_entry
from agentkit.spec.compiled import CompiledSpec, ConfiguredCheck
from agentkit.spec.contracts import ContractBuilder
from agentkit.spec.fields import FieldSpec
from agentkit.spec.loader import SpecDraft, did_you_mean, read_spec
from agentkit.spec.model import Example, ModelSettings, ReviewPolicy
from agentkit.spec.prompt import PromptTemplates, TemplateSource, default_templates
from agentkit.spec.walk import walk_values
from agentkit.spec.yaml_source import Path as YPath

__all__ = ["compile_spec", "split_rules"]

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_SEMVER_RE = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$"
)
_WS = re.compile(r"\s+")


def compile_spec(path: str | Path) -> CompiledSpec[Any, Any]:
    """Load, check and compile one spec file. Raises SpecError listing every problem."""
    draft = read_spec(path)
    issues = draft.issues
    sections = draft.sections
    name = sections.get("spec") if isinstance(sections.get("spec"), str) else None
    _check_identity(draft)

    builder = ContractBuilder(name or Path(path).stem, draft.source, issues)
    builder.input_fields = draft.input_fields
    input_model = output_model = None
    if draft.input_fields:
        input_model = builder.build("input", draft.input_fields)
    if draft.output_fields:
        builder.ok = True
        output_model = builder.build("output", draft.output_fields)
    complete = draft.fields_complete and input_model is not None and output_model is not None

    checks = _check_checks(draft)
    review: ReviewPolicy = sections.get("review") or ReviewPolicy()
    _check_review(draft, review, checks)
    model_settings: ModelSettings = sections.get("model") or ModelSettings()
    _check_route(draft, model_settings)

    examples: list[Example] = sections.get("examples") or []
    if complete and input_model is not None and output_model is not None:
        _check_examples(draft, examples, input_model, output_model)

    rules = split_rules(sections.get("rules") or "")
    templates = None
    if name:
        templates = _templates(draft, name)
    if templates is not None and complete and input_model is not None and output_model is not None:
        _trial_render(draft, templates, examples, input_model, output_model, rules)

    if issues or templates is None or not complete or input_model is None or output_model is None:
        if not issues:  # defensive: never compile silently with a missing part
            issues.append(SpecIssue(str(path), None, None, "the spec could not be compiled"))
        raise SpecError(issues)

    evals_dir = None
    if sections.get("evals"):
        evals_dir = (draft.path.parent / sections["evals"]).resolve()
    return CompiledSpec(
        name=sections["spec"],
        version=sections["version"],
        title=sections["title"],
        description=_WS.sub(" ", sections.get("description") or "").strip(),
        owner=sections.get("owner"),
        path=draft.path.resolve(),
        input_model=input_model,
        output_model=output_model,
        input_fields=draft.input_fields,
        output_fields=draft.output_fields,
        rules=rules,
        examples=examples,
        checks=checks,
        review=review,
        model=model_settings,
        templates=templates,
        candidates=sections.get("candidates"),
        evals_dir=evals_dir,
        fingerprint=_fingerprint(draft, rules, templates),
    )


# --------------------------------------------------------------------------- identity


def _check_identity(draft: SpecDraft) -> None:
    s, src = draft.sections, draft.source
    name = s.get("spec")
    if isinstance(name, str) and not _NAME_RE.match(name):
        suggestion = re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_") or "my_spec"
        draft.issues.append(
            src.issue(
                ("spec",),
                f"spec name '{name}' must be lower_snake_case",
                fix=f"write 'spec: {suggestion}'",
            )
        )
    elif (
        isinstance(name, str) and draft.path.stem != name and draft.path.suffix in (".yaml", ".yml")
    ):
        pass  # the file name may differ (copies, drafts); `agentkit.load(name)` looks for both
    version = s.get("version")
    if isinstance(version, str) and not _SEMVER_RE.match(version):
        parts = re.findall(r"\d+", version)[:3]
        parts += ["0"] * (3 - len(parts))
        draft.issues.append(
            src.issue(
                ("version",),
                f"version '{version}' is not semantic versioning",
                fix=f"write MAJOR.MINOR.PATCH, e.g. 'version: {'.'.join(parts)}'",
            )
        )
    raw_version = draft.data.get("version")
    if isinstance(raw_version, int | float) and not isinstance(raw_version, bool):
        draft.issues[:] = [
            i for i in draft.issues if not (i.key == "version" and "string" in i.message)
        ]
        draft.issues.append(
            src.issue(
                ("version",),
                f"version {raw_version!r} is not semantic versioning",
                fix=f"write it as text with three parts, e.g. 'version: \"{raw_version}.0\"'"
                if isinstance(raw_version, float)
                else f"write 'version: {raw_version}.0.0'",
            )
        )


# --------------------------------------------------------------------------- checks


def _check_checks(draft: SpecDraft) -> list[ConfiguredCheck]:
    raw = draft.sections.get("checks") or []
    available = known_checks()
    configured: list[ConfiguredCheck] = []
    seen: set[str] = set()
    for i, entry in enumerate(raw):
        path: YPath = ("checks", i)
        options: dict[str, Any]
        if isinstance(entry, str):
            name, options = entry, {}
        elif isinstance(entry, dict) and len(entry) == 1:
            name, opts = next(iter(entry.items()))
            options = opts or {}
            path = (*path, name)
        else:
            draft.issues.append(
                draft.source.issue(
                    path,
                    "write a check as its name, or 'name: {options}'",
                    fix="e.g. '- ncci_ptp' or '- mue: {setting: hospital}'",
                )
            )
            continue
        check = get_check(name)
        if check is None:
            guess = did_you_mean(name, available)
            fix = (
                f"did you mean '{guess}'?"
                if guess
                else f"known checks: {', '.join(sorted(available))}"
            )
            draft.issues.append(draft.source.issue(path, f"unknown check '{name}'", fix=fix))
            continue
        if name in seen:
            draft.issues.append(
                draft.source.issue(
                    path, f"check '{name}' is listed twice", fix="list each check once"
                )
            )
            continue
        seen.add(name)
        try:
            parsed = check.options_model.model_validate(options)
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(str(p) for p in err["loc"])
                if err["type"] == "extra_forbidden":
                    guess = did_you_mean(loc[-1], check.options_model.model_fields)
                    fix = (
                        f"did you mean '{guess}'?"
                        if guess
                        else ("options: " + ", ".join(check.options_model.model_fields))
                    )
                    draft.issues.append(
                        draft.source.issue(
                            (*path, *loc),
                            f"check '{name}' has no option '{loc[-1]}'",
                            fix=fix,
                            key=True,
                        )
                    )
                else:
                    draft.issues.append(
                        draft.source.issue((*path, *loc), f"check '{name}': {err['msg']}")
                    )
            continue
        configured.append(ConfiguredCheck(check, parsed))
    # checks that always run (evidence quotes) are added even when not listed
    for check in available.values():
        if check.always and check.name not in seen:
            configured.append(ConfiguredCheck(check, CheckOptions()))
    return configured


def _check_review(draft: SpecDraft, review: ReviewPolicy, checks: list[ConfiguredCheck]) -> None:
    src = draft.source
    check_names = {c.check.name for c in checks}
    for i, cond in enumerate(review.when):
        path: YPath = ("review", "when", i)
        given = [k for k in cond.model_fields_set if getattr(cond, k) is not None]
        if len(given) != 1:
            draft.issues.append(
                src.issue(
                    path,
                    "each review condition needs exactly one key",
                    fix="split it into separate '- key: value' entries"
                    if given
                    else "e.g. '- confidence_below: 0.85'",
                )
            )
            continue
        key = given[0]
        value = getattr(cond, key)
        if key == "confidence_below" and not 0 < value <= 1:
            draft.issues.append(
                src.issue((*path, key), f"confidence_below must be between 0 and 1, not {value}")
            )
        if key == "check_failed" and value not in ("error", "warning") and value not in check_names:
            guess = did_you_mean(value, [*check_names, "error", "warning"])
            draft.issues.append(
                src.issue(
                    (*path, key),
                    f"check_failed '{value}' is not a severity or a listed check",
                    fix=f"did you mean '{guess}'?"
                    if guess
                    else "use error, warning, or a check from 'checks:'",
                )
            )
        if key == "empty":
            spec = draft.output_fields.get(value)
            if spec is None:
                guess = did_you_mean(value, draft.output_fields)
                draft.issues.append(
                    src.issue(
                        (*path, key),
                        f"empty '{value}' names no output field",
                        fix=f"did you mean '{guess}'?"
                        if guess
                        else f"output fields: {', '.join(draft.output_fields)}",
                    )
                )
            elif spec.type != "list":
                draft.issues.append(
                    src.issue(
                        (*path, key), f"empty '{value}' must name a list field, not {spec.type}"
                    )
                )
        if key == "codes":
            for j, code in enumerate(value):
                if not _is_code(code):
                    draft.issues.append(
                        src.issue(
                            (*path, key, j),
                            f"'{code}' is not a CPT, HCPCS or ICD-10-CM code",
                            fix='quote codes: codes: ["99215"]',
                        )
                    )


def _is_code(code: str) -> bool:
    c = code.strip().upper()
    return any(
        re.match(p, c) for p in (domain.CPT_PATTERN, domain.HCPCS_PATTERN, domain.ICD10CM_PATTERN)
    )


def _check_route(draft: SpecDraft, settings: ModelSettings) -> None:
    for i, entry in enumerate(settings.route):
        try:
            parse_route_entry(entry)
        except ValueError as exc:
            msg = str(exc)
            fix = msg.split("; ", 1)[1] if "; " in msg else None
            draft.issues.append(
                draft.source.issue(("model", "route", i), msg.split("; ", 1)[0], fix=fix)
            )


# --------------------------------------------------------------------------- examples


def _check_examples(
    draft: SpecDraft,
    examples: list[Example],
    input_model: type[BaseModel],
    output_model: type[BaseModel],
) -> None:
    src = draft.source
    for i, ex in enumerate(examples):
        base: YPath = ("examples", i)
        inputs = _validate_located(draft, input_model, ex.input, (*base, "input"), "example input")
        output = _validate_located(
            draft, output_model, ex.output, (*base, "output"), "example output"
        )
        if inputs is None or output is None:
            continue
        for tv in walk_values(output, draft.output_fields):
            if tv.field.type != "quote":
                continue
            source_text = getattr(inputs, (tv.field.of or "").split(".")[0], None)
            if not isinstance(source_text, str) or not quote_in_source(
                str(tv.value), normalize_for_quote(source_text)
            ):
                draft.issues.append(
                    src.issue(
                        (*base, "output", *_split_path(tv.path)),
                        f'example evidence "{tv.value}" is not in the example\'s {tv.field.of}',
                        fix="copy the words exactly from the example input",
                    )
                )


def _validate_located(
    draft: SpecDraft, model: type[BaseModel], data: dict[str, Any], base: YPath, what: str
) -> BaseModel | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
            if err["type"] == "extra_forbidden":
                msg = f"{what} has a field '{loc[-1]}' that the contract does not define"
            elif err["type"] == "missing":
                msg = f"{what} is missing '{loc[-1]}'"
            else:
                msg = f"{what} does not fit the contract: {err['msg']} (got {err.get('input')!r})"
            draft.issues.append(
                draft.source.issue(
                    (*base, *loc), msg, fix="make the example match the spec's fields"
                )
            )
        return None


def _split_path(path: str) -> YPath:
    out: list[str | int] = []
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        out.append(int(part[1:-1]) if part.startswith("[") else part)
    return tuple(out)


# --------------------------------------------------------------------------- prompt


def split_rules(rules: str | list[str]) -> list[str]:
    """Rules as a list of single-line sentences; re-wrapping lines in the YAML changes nothing."""
    if isinstance(rules, list):
        return [_WS.sub(" ", r).strip() for r in rules if r and r.strip()]
    out: list[str] = []
    for line in rules.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith(("- ", "* ", "• ")) or not out:
            out.append(stripped.lstrip("-*• ").strip())
        else:
            out[-1] = f"{out[-1]} {stripped}"
    return [_WS.sub(" ", r) for r in out if r]


def _templates(draft: SpecDraft, name: str) -> PromptTemplates | None:
    default_system, default_user = default_templates()
    override = draft.sections.get("prompt")
    file = draft.source.file

    def source(key: str, default: str) -> TemplateSource:
        text = getattr(override, key, None) if override is not None else None
        if text is None:
            return TemplateSource(default, "<default template>", None, f"prompt.{key}")
        mark = draft.source.mark(("prompt", key))
        first = None
        if mark is not None:
            first = mark.line + 1 if mark.style in ("|", ">") else mark.line
        return TemplateSource(text, file, first, f"prompt.{key}")

    try:
        return PromptTemplates(source("system", default_system), source("user", default_user), name)
    except PromptError as exc:
        draft.issues.extend(exc.issues)
        return None


def _trial_render(
    draft: SpecDraft,
    templates: PromptTemplates,
    examples: list[Example],
    input_model: type[BaseModel],
    output_model: type[BaseModel],
    rules: list[str],
) -> None:
    """Render once at load time so a broken template fails `validate`, not the first call."""
    from agentkit.spec.compiled import build_prompt_context

    sample = examples[0].input if examples else _placeholder_inputs(draft.input_fields)
    try:
        inputs = input_model.model_validate(sample)
    except ValidationError:
        return
    ctx = build_prompt_context(
        spec_fields={
            "name": draft.sections.get("spec"),
            "version": draft.sections.get("version"),
            "title": draft.sections.get("title"),
            "description": _WS.sub(" ", draft.sections.get("description") or "").strip(),
            "owner": draft.sections.get("owner"),
        },
        rules=rules,
        output_fields=draft.output_fields,
        examples=examples,
        inputs=inputs,
        candidates=[
            {
                "code": "00000",
                "description": "sample",
                "evidence": "sample",
                "confidence": 0.5,
                "why": "sample",
            }
        ]
        if draft.sections.get("candidates")
        else None,
    )
    try:
        templates.render(ctx)
    except PromptError as exc:
        draft.issues.extend(exc.issues)


def _placeholder_inputs(fields: dict[str, FieldSpec]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, spec in fields.items():
        if spec.is_optional:
            continue
        out[name] = _placeholder(spec)
    return out


def _placeholder(spec: FieldSpec) -> Any:
    t = spec.type
    if t in ("text", "string", "quote"):
        return "sample text"
    if t in ("integer", "number"):
        return int(spec.min or 1)
    if t == "boolean":
        return False
    if t == "date":
        return "2024-01-01"
    if t == "enum":
        return (spec.values or ["x"])[0]
    if t == "list":
        return []
    if t == "object":
        return _placeholder_inputs(spec.fields or {})
    return {
        "cpt": "99213",
        "hcpcs": "G0121",
        "icd10cm": "R69",
        "modifier": "RT",
        "confidence": 0.5,
    }.get(t)


# --------------------------------------------------------------------------- fingerprint


def _fingerprint(draft: SpecDraft, rules: list[str], templates: PromptTemplates) -> str:
    """sha256 over the spec's meaning: reformatting YAML or editing comments changes nothing."""
    s = draft.sections
    content = {
        "spec": s.get("spec"),
        "version": s.get("version"),
        "title": _WS.sub(" ", s.get("title") or "").strip(),
        "description": _WS.sub(" ", s.get("description") or "").strip(),
        "owner": s.get("owner"),
        "input": {k: v.model_dump(exclude_unset=True) for k, v in draft.input_fields.items()},
        "output": {k: v.model_dump(exclude_unset=True) for k, v in draft.output_fields.items()},
        "rules": rules,
        "examples": [e.model_dump(exclude_unset=True) for e in s.get("examples") or []],
        "checks": s.get("checks") or [],
        "review": s["review"].model_dump(exclude_unset=True) if "review" in s else None,
        "model": s["model"].model_dump(exclude_unset=True) if "model" in s else None,
        "candidates": s.get("candidates"),
        "evals": s.get("evals"),
        "templates": [templates.system_source.text, templates.user_source.text],
    }
    blob = json.dumps(
        content, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
