"""The spec file itself as a Pydantic model: what keys exist and what each one holds.

This model is the single source of truth for the file format: the loader validates against
it, ``agentkit spec-schema`` exports it as JSON Schema for editors, and docs/spec-format.md
describes it for coding experts.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from agentkit.spec.fields import FieldSpec

__all__ = [
    "Example",
    "ModelSettings",
    "PromptOverride",
    "ReviewCondition",
    "ReviewPolicy",
    "SpecFile",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Example(_Strict):
    """A worked example shown to the model: an input and the output a coder expects."""

    input: dict[str, Any] = Field(description="Values for the input fields")
    output: dict[str, Any] = Field(description="The expected output, fitting the output fields")
    note: str | None = Field(
        default=None, description="Why this example is here (not sent to models)"
    )


class ReviewCondition(_Strict):
    """One reason to send an answer to a human reviewer. Write exactly one key per entry."""

    confidence_below: float | None = Field(
        default=None, description="Review when any code's confidence is below this (0-1)"
    )
    check_failed: str | None = Field(
        default=None,
        description="Review on this severity ('error', 'warning') or on this check's findings",
    )
    empty: str | None = Field(default=None, description="Review when this output list is empty")
    codes: list[str] | None = Field(
        default=None, description="Always review answers with these codes"
    )
    always: bool | None = Field(default=None, description="Review every answer")


class ReviewPolicy(_Strict):
    when: list[ReviewCondition] = Field(
        default_factory=list, description="Any matching condition sends the answer to review"
    )


class ModelSettings(_Strict):
    """Which models run the spec, in order, and how hard to try."""

    route: list[str] = Field(
        default_factory=list,
        description="Providers in order of preference: 'anthropic/<model>', 'openai/<model>', "
        "'openai-compatible/<model>', 'local', 'replay'",
    )
    temperature: float = Field(default=0.0, ge=0, le=2)
    max_attempts: int = Field(
        default=3, ge=1, le=10, description="Answers per provider incl. re-asks"
    )
    timeout: float = Field(default=60.0, gt=0, description="Seconds per attempt")
    max_tokens: int = Field(default=4096, ge=1, description="Largest answer, in tokens")
    deadline: float | None = Field(default=None, gt=0, description="Overall seconds per call")
    max_cost_usd: float | None = Field(
        default=None, gt=0, description="Budget per call, in US dollars"
    )


class PromptOverride(_Strict):
    """Jinja2 templates replacing the default prompt. Rendered in a sandbox."""

    system: str | None = Field(default=None, description="System message template")
    user: str | None = Field(default=None, description="User message template")


class SpecFile(_Strict):
    """A coding task: identity, contracts, rules, examples, checks, review, model route."""

    spec: str = Field(description="Machine name, lower_snake_case (e.g. cpt_coding)")
    version: str = Field(
        description="Semantic version, e.g. 1.2.0; bump it when you change the spec"
    )
    title: str = Field(description="One line saying what the task does")
    description: str = Field(
        default="", description="What the task does, for the model and for people"
    )
    owner: str | None = Field(default=None, description="Who maintains this spec")
    input: dict[str, FieldSpec] = Field(description="The fields the caller provides")
    output: dict[str, FieldSpec] = Field(description="The fields the answer must contain")
    rules: str | list[str] = Field(default="", description="Coding rules in plain English")
    examples: list[Example] = Field(default_factory=list)
    checks: list[str | dict[str, dict[str, Any] | None]] = Field(
        default_factory=list, description="Deterministic checks run on every answer"
    )
    review: ReviewPolicy = Field(default_factory=ReviewPolicy)
    model: ModelSettings = Field(default_factory=ModelSettings)
    prompt: PromptOverride | None = None
    candidates: Literal["local"] | None = Field(
        default=None, description="Add the offline coder's candidate codes to the prompt"
    )
    evals: str | None = Field(
        default=None, description="Folder of eval cases, relative to the spec"
    )
