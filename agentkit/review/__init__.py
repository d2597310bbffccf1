"""Review routing: which answers a person must look at, and the audit of what they decide."""

from agentkit.review.policy import decide_review

__all__ = ["decide_review"]
