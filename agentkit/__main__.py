"""``python -m agentkit`` is the ``agentkit`` command."""

from agentkit.cli import main

main()
