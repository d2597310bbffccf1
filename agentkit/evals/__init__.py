"""agentkit.evals."""
