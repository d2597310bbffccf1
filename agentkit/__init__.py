"""agentkit: spec-driven LLM agents for medical coding."""

from agentkit.errors import AgentkitError

__version__ = "0.1.0"
__all__ = ["AgentkitError", "__version__"]
