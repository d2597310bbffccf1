"""Review routing: which answers a person must look at, and the audit of what they decide.

``policy`` decides (at call time) whether an answer needs review; ``queue`` derives the open
items from the trace store; ``actions`` appends the reviewer's accept / override events.
"""

from agentkit.review.policy import decide_review

__all__ = ["decide_review"]
