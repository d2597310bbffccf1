"""Typer application; each command group lives in its own module with a ``register(app)``."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="agentkit",
    help="Spec-driven LLM agents for medical coding.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

# --- command modules (each exposes register(app)) -------------------------------------------
_COMMAND_MODULES = [
    "agentkit.cli.spec_commands",
    "agentkit.cli.check_command",
    "agentkit.cli.codes_command",
    "agentkit.cli.trace_commands",
    "agentkit.cli.review_commands",
    "agentkit.cli.eval_command",
]
# --- end of command modules ------------------------------------------------------------------

for _name in _COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as _exc:  # a command module not written yet
        if _exc.name != _name:
            raise
        continue
    _module.register(app)


def main() -> None:
    app()
