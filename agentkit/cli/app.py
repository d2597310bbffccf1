"""Typer application; each command group lives in its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="agentkit",
    help="Spec-driven LLM agents for medical coding.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def main() -> None:
    app()
