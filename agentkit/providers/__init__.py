"""agentkit.providers."""
