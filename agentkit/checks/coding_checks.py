"""The coding checks a spec's ``checks:`` list can name.

Each one builds the claim from the spec's output (``claim_from_output``) and runs the matching
edits of the claim scrubber (``agentkit.coding.scrub``) with the code sets and edit tables in
force on the date of service. Options (all checks)::

    checks:
      - ncci_ptp: {setting: hospital}     # practitioner (default) or hospital NCCI tables
      - codes_exist: {severity: warning}  # the generic severity / reask overrides
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from agentkit.checks.claim_from_output import claim_from_output
from agentkit.checks.registry import CheckContext, register_check
from agentkit.checks.registry import CheckOptions as _CheckOptions
from agentkit.coding.scrub import CHECKS, scrub
from agentkit.result import Finding

__all__ = ["CodingCheckOptions"]


class CodingCheckOptions(_CheckOptions):
    """Options of every coding check."""

    setting: Literal["practitioner", "hospital"] = "practitioner"


def _make(name: str) -> Callable[[CheckContext, CodingCheckOptions], Iterable[Finding]]:
    def run(ctx: CheckContext, options: CodingCheckOptions) -> Iterable[Finding]:
        claim = claim_from_output(ctx, options.setting)
        if not claim.lines and not claim.diagnoses:
            return []
        return scrub(claim, [name])

    run.__name__ = name
    run.__doc__ = CHECKS[name][1]
    return run


for _name, (_reask, _description) in CHECKS.items():
    register_check(
        _name,
        options=CodingCheckOptions,
        reask=_reask,
        description=_description[:1].upper() + _description[1:],
    )(_make(_name))
