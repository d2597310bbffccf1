"""agentkit.spec."""
