"""agentkit.trace."""
