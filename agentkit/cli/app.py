"""Typer application; each command group lives in its own module with a ``register(app)``."""

from __future__ import annotations

import typer

from agentkit.cli import (
    check_command,
    codes_command,
    eval_command,
    review_commands,
    spec_commands,
    trace_commands,
)

app = typer.Typer(
    name="agentkit",
    help="Spec-driven LLM agents for medical coding.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

for _module in (
    spec_commands,
    check_command,
    codes_command,
    eval_command,
    trace_commands,
    review_commands,
):
    _module.register(app)


def main() -> None:
    from agentkit.logs import configure_logging

    configure_logging()
    app()
