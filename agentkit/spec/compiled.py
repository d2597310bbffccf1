"""A compiled spec: the typed function an engineer calls.

``spec(note=...)`` validates the inputs with the Input model, renders the prompt, runs the
route, parses the answer into the Output model, runs the checks, applies the review policy
and writes a trace. The same engine serves ``await spec.acall(...)``, batch runs and the server.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from agentkit.checks.registry import CheckContext, CheckDef, CheckOptions
from agentkit.errors import InputError
from agentkit.providers.base import Message
from agentkit.result import Finding, Result, Review
from agentkit.review.policy import decide_review
from agentkit.spec.fields import FieldSpec
from agentkit.spec.json_schema import input_schema, strict_output_schema
from agentkit.spec.model import Example, ModelSettings, ReviewPolicy
from agentkit.spec.prompt import PromptTemplates, describe_fields

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.config import AgentkitConfig

__all__ = ["CompiledSpec", "ConfiguredCheck", "build_prompt_context"]

InputT = TypeVar("InputT", bound=BaseModel)
OutputT = TypeVar("OutputT", bound=BaseModel)


@dataclass(frozen=True)
class ConfiguredCheck:
    check: CheckDef
    options: CheckOptions


def build_prompt_context(
    *,
    spec_fields: Mapping[str, Any],
    rules: Sequence[str],
    output_fields: Mapping[str, FieldSpec],
    examples: Sequence[Example],
    inputs: BaseModel,
    candidates: Sequence[Mapping[str, Any]] | None,
) -> dict[str, Any]:
    """The names a prompt template may use (documented in docs/spec-format.md)."""
    return {
        "spec": dict(spec_fields),
        "rules": list(rules),
        "output_contract": describe_fields(output_fields),
        "examples": [
            {
                "input": ex.input,
                "output": ex.output,
                "input_json": json.dumps(ex.input, ensure_ascii=False, default=str),
                "output_json": json.dumps(ex.output, ensure_ascii=False, default=str),
            }
            for ex in examples
        ],
        "inputs": inputs.model_dump(mode="json"),
        "candidates": list(candidates) if candidates else None,
    }


class CompiledSpec(Generic[InputT, OutputT]):
    """A spec compiled into models, prompt, checks and route; call it like a function."""

    def __init__(
        self,
        *,
        name: str,
        version: str,
        title: str,
        description: str,
        owner: str | None,
        path: Path,
        input_model: type[InputT],
        output_model: type[OutputT],
        input_fields: dict[str, FieldSpec],
        output_fields: dict[str, FieldSpec],
        rules: list[str],
        examples: list[Example],
        checks: list[ConfiguredCheck],
        review: ReviewPolicy,
        model: ModelSettings,
        templates: PromptTemplates,
        candidates: str | None,
        evals_dir: Path | None,
        fingerprint: str,
    ) -> None:
        self.name = name
        self.version = version
        self.title = title
        self.description = description
        self.owner = owner
        self.path = path
        self.Input: type[InputT] = input_model
        self.Output: type[OutputT] = output_model
        self.input_fields = input_fields
        self.output_fields = output_fields
        self.rules = rules
        self.examples = examples
        self.checks = checks
        self.review_policy = review
        self.model_settings = model
        self.templates = templates
        self.candidates = candidates
        self.evals_dir = evals_dir
        self.fingerprint = fingerprint
        self.route_override: list[str] | None = None

    def __repr__(self) -> str:
        return f"<CompiledSpec {self.name} {self.version} {self.fingerprint[:12]}>"

    # ------------------------------------------------------------------ contracts

    @cached_property
    def output_schema(self) -> dict[str, Any]:
        """The Output JSON Schema in OpenAI-strict form (also valid as an Anthropic tool schema)."""
        return strict_output_schema(self.Output)

    @cached_property
    def input_schema(self) -> dict[str, Any]:
        return input_schema(self.Input)

    @property
    def schema_name(self) -> str:
        return f"{self.name}_output"

    @cached_property
    def text_inputs(self) -> list[str]:
        """Input fields holding free text (PHI): redacted in traces, never logged."""
        return [n for n, f in self.input_fields.items() if f.type in ("text", "string")]

    # ------------------------------------------------------------------ route

    def with_route(self, route: Sequence[str] | str | None) -> CompiledSpec[InputT, OutputT]:
        """A copy of this spec that runs on ``route`` instead of the spec's ``model.route``."""
        clone = copy.copy(self)
        if isinstance(route, str):
            route = [r.strip() for r in route.split(",") if r.strip()]
        if route:
            from agentkit.providers.registry import parse_route_entry

            for entry in route:
                parse_route_entry(entry)  # ValueError with a fix for unknown providers
        clone.route_override = list(route) if route else None
        return clone

    def effective_route(self, config: AgentkitConfig) -> list[str]:
        """``route=`` / ``--provider`` > ``AGENTKIT_ROUTE`` > the spec > the config > local."""
        if self.route_override:
            return list(self.route_override)
        env = config.env_route()
        if env:
            return env
        if self.model_settings.route:
            return list(self.model_settings.route)
        if config.route:
            return list(config.route)
        return ["local"]

    # ------------------------------------------------------------------ steps

    def validate_inputs(
        self, data: Mapping[str, Any] | BaseModel | None = None, /, **kwargs: Any
    ) -> InputT:
        """Inputs as the Input model; one InputError lists every bad field."""
        if isinstance(data, self.Input):
            return data
        values: dict[str, Any] = dict(
            data.model_dump() if isinstance(data, BaseModel) else (data or {})
        )
        values.update(kwargs)
        try:
            return self.Input.model_validate(values)
        except ValidationError as exc:
            raise InputError(self.name, _input_errors(exc, self.input_fields)) from None

    def prompt_context(
        self, inputs: BaseModel, candidates: Sequence[Mapping[str, Any]] | None = None
    ) -> dict[str, Any]:
        return build_prompt_context(
            spec_fields={
                "name": self.name,
                "version": self.version,
                "title": self.title,
                "description": self.description,
                "owner": self.owner,
            },
            rules=self.rules,
            output_fields=self.output_fields,
            examples=self.examples,
            inputs=inputs,
            candidates=candidates,
        )

    def candidate_codes(self, inputs: Mapping[str, Any]) -> list[dict[str, Any]] | None:
        """The offline coder's grounded candidates when the spec says ``candidates: local``."""
        if self.candidates != "local":
            return None
        from agentkit.coding.engine.candidates import candidates_for

        found: list[dict[str, Any]] = candidates_for(self.name, dict(inputs))
        return found

    def render(
        self,
        inputs: BaseModel | Mapping[str, Any],
        candidates: Sequence[Mapping[str, Any]] | None = None,
    ) -> list[Message]:
        """The exact messages a provider would receive for these inputs."""
        model = self.validate_inputs(inputs)
        system, user = self.templates.render(self.prompt_context(model, candidates))
        return [system, user]

    def run_checks(self, inputs: BaseModel, output: BaseModel) -> list[Finding]:
        """Every configured check on one answer, in the order the spec lists them."""
        ctx = CheckContext(
            spec_name=self.name,
            inputs=inputs,
            output=output,
            output_fields=self.output_fields,
            input_fields=self.input_fields,
            date_of_service=getattr(inputs, "date_of_service", None),
            patient_sex=_patient_attr(inputs, "sex"),
            patient_age=_patient_attr(inputs, "age"),
        )
        findings: list[Finding] = []
        for configured in self.checks:
            findings.extend(configured.check.run(ctx, configured.options))
        return findings

    def decide_review(self, output: BaseModel, findings: Sequence[Finding]) -> Review:
        return decide_review(self.review_policy, output, self.output_fields, findings)

    # ------------------------------------------------------------------ calling

    async def acall(
        self, inputs: Mapping[str, Any] | BaseModel | None = None, /, **kwargs: Any
    ) -> Result[OutputT]:
        """Run the spec on one input. Raises a typed AgentkitError when no valid answer came."""
        from agentkit.runtime.execute import execute

        return await execute(self, self.validate_inputs(inputs, **kwargs))

    def __call__(
        self, inputs: Mapping[str, Any] | BaseModel | None = None, /, **kwargs: Any
    ) -> Result[OutputT]:
        """Synchronous form of :meth:`acall` (runs on agentkit's background event loop)."""
        from agentkit.runtime.loop import run_sync

        validated = self.validate_inputs(inputs, **kwargs)
        return run_sync(self.acall(validated))


def _patient_attr(inputs: BaseModel, name: str) -> Any:
    patient = getattr(inputs, "patient", None)
    value = getattr(patient, name, None) if patient is not None else None
    if value is None:
        value = getattr(inputs, f"patient_{name}", None)
    return value


def _input_errors(exc: ValidationError, fields: Mapping[str, FieldSpec]) -> list[tuple[str, str]]:
    from agentkit.spec.loader import did_you_mean

    out: list[tuple[str, str]] = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"] if not (isinstance(p, str) and "[" in p))
        if err["type"] == "extra_forbidden":
            guess = did_you_mean(str(err["loc"][-1]), fields)
            hint = f"; did you mean '{guess}'?" if guess else f"; inputs are: {', '.join(fields)}"
            out.append((loc, "is not an input of this spec" + hint))
        elif err["type"] == "missing":
            out.append((loc, "is required"))
        else:
            out.append(
                (loc, f"{err['msg'].removeprefix('Value error, ')}{_shown(err.get('input'))}")
            )
    return out


def _shown(value: Any) -> str:
    """A safe glimpse of a bad value: never more than a short word of text (it may be PHI)."""
    if isinstance(value, str):
        if not value.strip():
            return " (got blank text)"
        return (
            f" (got {value!r})" if len(value) <= 24 else f" (got {len(value)} characters of text)"
        )
    if isinstance(value, bool | int | float) or value is None:
        return f" (got {value!r})"
    return f" (got {type(value).__name__})"
