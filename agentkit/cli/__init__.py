"""The ``agentkit`` command."""

from agentkit.cli.app import app, main

__all__ = ["app", "main"]
