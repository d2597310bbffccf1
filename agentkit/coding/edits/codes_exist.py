"""Do the procedure codes exist in the code sets in force on the date of service?

A CPT-shaped code the loaded codebook lacks is a *warning* ("not in the loaded CPT codebook"):
the starter codebook is not all of CPT, so absence is not proof of invalidity. A code the
codebook marks as retired, a HCPCS code missing from a complete HCPCS file, or a malformed code
is an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agentkit.result import Finding

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.claim import Claim
    from agentkit.coding.knowledge import CodingKnowledge

__all__ = ["check_procedure_codes_exist"]


def check_procedure_codes_exist(claim: Claim, kb: CodingKnowledge) -> list[Finding]:
    findings: list[Finding] = []
    for line in claim.lines:
        system = line.system
        if system == "unknown":
            findings.append(
                Finding(
                    check="codes_exist",
                    severity="error",
                    message=(
                        f"{line.code!r} is not a CPT code (5 characters such as 47562, 0001U, "
                        "1036F) or a HCPCS Level II code (a letter and 4 digits such as J1100)."
                    ),
                    path=line.path,
                    codes=(line.code,),
                )
            )
        elif system == "cpt":
            findings.extend(_cpt(line.code, line.path, kb))
        else:
            findings.extend(_hcpcs(line.code, line.path, kb))
    return findings


def _cpt(code: str, path: str | None, kb: CodingKnowledge) -> list[Finding]:
    book = kb.cpt
    entry = book.get(code)
    if entry is None:
        listed = code in kb.fee_schedule
        hint = (
            f"; Medicare's fee schedule ({kb.fee_schedule.version.label}) lists it, so it is "
            "probably valid: import your licensed CPT file to check it fully"
            if listed
            else f"; it is not in Medicare's fee schedule ({kb.fee_schedule.version.label}) "
            "either, so check the number"
        )
        return [
            Finding(
                check="codes_exist",
                severity="warning",
                message=f"{code} is not in the loaded CPT codebook{hint}.",
                path=path,
                codes=(code,),
                source=book.version.label,
            )
        ]
    if not entry.in_force(kb.dos):
        if entry.terminated is not None and kb.dos > entry.terminated:
            when = f"was retired after {entry.terminated.isoformat()}"
        else:
            when = f"takes effect {entry.effective.isoformat() if entry.effective else 'later'}"
        return [
            Finding(
                check="codes_exist",
                severity="error",
                message=(
                    f"{code} {when}, so it is not valid on {kb.dos.isoformat()} "
                    f"({entry.description})."
                ),
                path=path,
                codes=(code,),
                source=book.version.label,
            )
        ]
    return []


def _hcpcs(code: str, path: str | None, kb: CodingKnowledge) -> list[Finding]:
    codes = kb.hcpcs
    entry = codes.get(code)
    if entry is None:
        end = codes.version.effective_to
        newer = end is not None and kb.dos > end
        tail = (
            f" That file predates {kb.dos.isoformat()}: if {code} was added since, import the "
            "current HCPCS file (agentkit codes import hcpcs)."
            if newer
            else ""
        )
        return [
            Finding(
                check="codes_exist",
                severity="error" if codes.complete and not newer else "warning",
                message=f"{code} is not a HCPCS Level II code in {codes.version.label}.{tail}",
                path=path,
                codes=(code,),
                source=codes.version.label,
            )
        ]
    if not entry.in_force(kb.dos):
        if entry.terminated is not None and kb.dos > entry.terminated:
            when = f"was discontinued after {entry.terminated.isoformat()}"
        else:
            when = f"starts {entry.added.isoformat() if entry.added else 'later'}"
        return [
            Finding(
                check="codes_exist",
                severity="error",
                message=(
                    f"{code} ({entry.short_description}) {when}, so it is not valid on "
                    f"{kb.dos.isoformat()}."
                ),
                path=path,
                codes=(code,),
                source=codes.version.label,
            )
        ]
    return []
