"""Apply a spec's ``review:`` policy to one answer: auto-accept, or needs review with reasons."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from agentkit.result import Finding, Review
from agentkit.spec.fields import FieldSpec
from agentkit.spec.model import ReviewPolicy
from agentkit.spec.walk import walk_values

__all__ = ["decide_review"]

_CODE_TYPES = ("cpt", "hcpcs", "icd10cm")


def decide_review(
    policy: ReviewPolicy,
    output: BaseModel,
    output_fields: dict[str, FieldSpec],
    findings: Sequence[Finding],
) -> Review:
    """Every matching condition adds one reason; any reason means needs_review."""
    reasons: list[str] = []
    values = list(walk_values(output, output_fields))
    for cond in policy.when:
        if cond.always:
            reasons.append("the spec reviews every answer")
        if cond.confidence_below is not None:
            low = [
                v
                for v in values
                if v.field.type == "confidence" and float(v.value) < cond.confidence_below
            ]
            for v in low:
                reasons.append(f"{v.path} is {float(v.value):.2f}, below {cond.confidence_below:g}")
        if cond.check_failed is not None:
            reasons.extend(_check_reasons(cond.check_failed, findings))
        if cond.empty is not None:
            value = getattr(output, cond.empty, None)
            if not value:
                reasons.append(f"{cond.empty} is empty")
        if cond.codes:
            wanted = {c.upper() for c in cond.codes}
            for v in values:
                if v.field.type in _CODE_TYPES and str(v.value).upper() in wanted:
                    reasons.append(f"{v.value} at {v.path} is always reviewed")
    unique = list(dict.fromkeys(reasons))
    return Review(decision="needs_review" if unique else "auto_accepted", reasons=unique)


def _check_reasons(which: str, findings: Sequence[Finding]) -> list[str]:
    if which == "error":
        hits = [f for f in findings if f.severity == "error"]
    elif which == "warning":
        hits = [f for f in findings if f.severity in ("error", "warning")]
    else:
        hits = [f for f in findings if f.check == which and f.severity in ("error", "warning")]
    return [f"{f.severity} from {f.check}: {f.message}" for f in hits]
