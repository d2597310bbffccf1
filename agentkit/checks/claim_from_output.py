"""Build the claim the coding edits judge from a spec's output and inputs.

Lines are every output value typed ``cpt`` or ``hcpcs`` (in output order), with the
``modifiers`` and ``units`` of the object that holds them; diagnoses are every value typed
``icd10cm``. The date of service and patient sex and age come from the check context. Each line
and diagnosis keeps its output path, so findings point at ``procedures[1].modifiers``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from agentkit.checks.registry import CheckContext
from agentkit.coding.claim import Claim, ClaimLine, Diagnosis, Setting, normalize_sex

__all__ = ["claim_from_output"]


def _modifiers(parent: Any) -> tuple[str, ...]:
    value = getattr(parent, "modifiers", None)
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(str(m) for m in value if m)
    return ()


def _units(parent: Any) -> int:
    value = getattr(parent, "units", None)
    if isinstance(value, bool):
        return 1
    if isinstance(value, int) and value >= 1:
        return value
    return 1


def claim_from_output(ctx: CheckContext, setting: Setting = "practitioner") -> Claim:
    """The claim for ``ctx`` (built once per context and setting, then cached)."""
    key = f"coding-claim:{setting}"
    cached = ctx.cache.get(key)
    if isinstance(cached, Claim):
        return cached
    lines = tuple(
        ClaimLine(
            code=str(tv.value),
            modifiers=_modifiers(tv.parent),
            units=_units(tv.parent),
            path=tv.path,
        )
        for tv in ctx.values_of_type("cpt", "hcpcs")
    )
    diagnoses = tuple(Diagnosis(str(tv.value), tv.path) for tv in ctx.values_of_type("icd10cm"))
    claim = Claim(
        lines=lines,
        diagnoses=diagnoses,
        date_of_service=ctx.date_of_service,
        sex=normalize_sex(ctx.patient_sex),
        age=ctx.patient_age,
        setting=setting,
    )
    ctx.cache[key] = claim
    return claim
