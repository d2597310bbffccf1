"""agentkit.coding."""
