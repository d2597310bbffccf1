"""Run every claim edit over a claim: the claim scrubber the checks and the CLI share.

``scrub(claim)`` groups the lines by date of service (edits such as PTP and MUE apply per
patient per date), picks the code sets and edit tables in force for each date and setting, runs
the edits and returns the findings, edit by edit in the order of ``EDITS`` (codes, ICD-10-CM,
PTP, MUE, add-on, modifiers, Excludes1, age/sex, coverage). It knows nothing of specs or models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from agentkit.coding.edits.addon import check_addon
from agentkit.coding.edits.age_sex import check_age_sex
from agentkit.coding.edits.codes_exist import check_procedure_codes_exist
from agentkit.coding.edits.coverage import check_medical_necessity
from agentkit.coding.edits.icd10cm_edits import (
    check_diagnosis_codes_exist,
    check_excludes1,
    check_icd10cm_valid,
)
from agentkit.coding.edits.modifier_rules import check_modifiers
from agentkit.coding.edits.mue import check_mue
from agentkit.coding.edits.ncci_ptp import check_ptp
from agentkit.coding.knowledge import CodingKnowledge, knowledge
from agentkit.result import Finding

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.claim import Claim, ClaimLine

__all__ = ["CHECKS", "EditDef", "claim_date", "scrub"]

Edit = Callable[["Claim", CodingKnowledge], list[Finding]]


@dataclass(frozen=True)
class EditDef:
    """One claim edit: the check name specs use, per-date or per-claim, and whether its errors
    are worth sending back to a model (a re-ask can fix a wrong code, not a wrong age)."""

    check: str
    func: Edit
    per_date: bool
    reask: bool
    description: str


#: Every edit, in the order findings are reported.
EDITS: tuple[EditDef, ...] = (
    EditDef(
        "codes_exist",
        check_procedure_codes_exist,
        True,
        True,
        "CPT, HCPCS and ICD-10-CM codes exist in the code sets in force on the date of service",
    ),
    EditDef(
        "codes_exist",
        check_diagnosis_codes_exist,
        False,
        True,
        "ICD-10-CM codes exist in the version in force",
    ),
    EditDef(
        "icd10cm_valid",
        check_icd10cm_valid,
        False,
        True,
        "ICD-10-CM codes are billable, complete (7th character) and sequenced correctly",
    ),
    EditDef("ncci_ptp", check_ptp, True, True, "NCCI procedure-to-procedure edits (bundled pairs)"),
    EditDef("mue", check_mue, True, True, "NCCI medically unlikely edits (units per date)"),
    EditDef(
        "addon_has_primary",
        check_addon,
        True,
        True,
        "add-on codes are reported with one of their primary codes",
    ),
    EditDef(
        "modifiers_valid",
        check_modifiers,
        True,
        True,
        "modifiers exist and fit their code and line",
    ),
    EditDef(
        "excludes1",
        check_excludes1,
        False,
        True,
        "no two diagnoses excluded from each other by an Excludes1 note",
    ),
    EditDef(
        "age_sex",
        check_age_sex,
        False,
        False,
        "diagnoses fit the patient's age and sex (Medicare Code Editor)",
    ),
    EditDef(
        "medical_necessity",
        check_medical_necessity,
        True,
        False,
        "procedures have a diagnosis their coverage policy (LCD/NCD) accepts",
    ),
)

#: check name -> (re-ask by default, description), for the spec check registry.
CHECKS: dict[str, tuple[bool, str]] = {}
for _e in EDITS:
    CHECKS.setdefault(_e.check, (_e.reask, _e.description))


def claim_date(claim: Claim) -> date:
    """The claim's date of service: its own, else its earliest line date, else today."""
    if claim.date_of_service is not None:
        return claim.date_of_service
    dates = [ln.date_of_service for ln in claim.lines if ln.date_of_service is not None]
    return min(dates) if dates else date.today()


def _by_date(claim: Claim) -> list[tuple[date, list[ClaimLine]]]:
    default = claim_date(claim)
    groups: dict[date, list[ClaimLine]] = {}
    for line in claim.lines:
        groups.setdefault(line.date_of_service or default, []).append(line)
    return sorted(groups.items()) or [(default, [])]


def scrub(
    claim: Claim,
    checks: Iterable[str] | None = None,
    *,
    kb: CodingKnowledge | None = None,
) -> list[Finding]:
    """All findings for ``claim`` (only the named ``checks`` when given).

    ``kb`` forces one knowledge bundle for every date (tests, benchmarks); by default each date
    of service gets the code sets and edits in force on it.
    """
    wanted = set(checks) if checks is not None else None
    if wanted is not None:
        unknown = wanted - CHECKS.keys()
        if unknown:
            raise ValueError(
                f"unknown claim check(s): {', '.join(sorted(unknown))}; known: {', '.join(CHECKS)}"
            )
    edits = [e for e in EDITS if wanted is None or e.check in wanted]
    findings: list[Finding] = []
    claim_kb = kb or knowledge(claim_date(claim), claim.setting)
    for group_date, lines in _by_date(claim):
        group_kb = kb or knowledge(group_date, claim.setting)
        sub = replace(claim, lines=tuple(lines), date_of_service=group_date)
        for edit in edits:
            if edit.per_date:
                findings.extend(edit.func(sub, group_kb))
    for edit in edits:
        if not edit.per_date:
            findings.extend(edit.func(claim, claim_kb))
    return _dedupe(findings)


def _dedupe(findings: Sequence[Finding]) -> list[Finding]:
    seen: set[tuple[str, str, str | None, str]] = set()
    out = []
    for f in findings:
        key = (f.check, f.severity, f.path, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
