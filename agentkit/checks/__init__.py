"""agentkit.checks."""
