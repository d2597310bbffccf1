"""Add-on codes: a service reported only together with one of its primary procedures.

NCCI add-on edit types: 1 = only the listed primary codes; 2 = primaries defined by the
Medicare contractor (``CCCCC``), no national list; 3 = the listed primaries plus others a
contractor may accept. Codes the codebook marks as add-ons (global ``ZZZ``) but that the NCCI
table lacks are checked against the codebook's primaries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from agentkit.coding.versions import DataVersion
from agentkit.result import Finding

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.claim import Claim
    from agentkit.coding.knowledge import CodingKnowledge

__all__ = ["AddonEdit", "AddonTable", "check_addon"]

CONTRACTOR_DEFINED = "CCCCC"


@dataclass(frozen=True)
class AddonEdit:
    add_on: str
    primary: str  # CCCCC = contractor-defined
    edit_type: int
    effective: date | None = None
    deletion: date | None = None  # last day in force

    def in_force(self, dos: date) -> bool:
        if self.effective is not None and dos < self.effective:
            return False
        return not (self.deletion is not None and dos > self.deletion)


class AddonTable:
    """Add-on code edits by add-on code."""

    def __init__(self, edits: Iterable[AddonEdit], version: DataVersion) -> None:
        self._by_addon: dict[str, list[AddonEdit]] = {}
        for e in edits:
            self._by_addon.setdefault(e.add_on, []).append(e)
        self.version = version

    def edits_for(self, add_on: str, dos: date) -> list[AddonEdit]:
        return [e for e in self._by_addon.get(add_on, ()) if e.in_force(dos)]

    def is_add_on(self, code: str) -> bool:
        return code in self._by_addon

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_addon.values())

    def to_payload(self) -> list[tuple[str, str, int, date | None, date | None]]:
        return [
            (e.add_on, e.primary, e.edit_type, e.effective, e.deletion)
            for v in self._by_addon.values()
            for e in v
        ]

    @classmethod
    def from_payload(
        cls, payload: list[tuple[str, str, int, date | None, date | None]], version: DataVersion
    ) -> AddonTable:
        return cls((AddonEdit(*row) for row in payload), version)


def _listing(codes: list[str]) -> str:
    shown = ", ".join(codes[:8])
    return shown + (f" and {len(codes) - 8} more" if len(codes) > 8 else "")


def check_addon(claim: Claim, kb: CodingKnowledge) -> list[Finding]:
    """Each add-on line needs one of its primary codes on the same date of service."""
    findings: list[Finding] = []
    table = kb.aoc
    codes_on_claim = {line.code for line in claim.lines}
    for line in claim.lines:
        edits = table.edits_for(line.code, kb.dos) if table is not None else []
        entry = kb.cpt.get(line.code)
        source = table.version.label if table is not None and edits else kb.cpt.version.label
        if edits:
            edit_type = min(e.edit_type for e in edits)
            primaries = sorted({e.primary for e in edits if e.primary != CONTRACTOR_DEFINED})
        elif entry is not None and entry.add_on:
            edit_type = (
                int(entry.addon_type) if entry.addon_type and entry.addon_type.isdigit() else 1
            )
            primaries = list(entry.primaries)
        else:
            continue
        others = [c for c in codes_on_claim if c != line.code and not _is_add_on(c, kb)]
        if primaries and any(p in codes_on_claim for p in primaries):
            continue
        if not primaries:  # type 2: the contractor decides which primaries qualify
            if others:
                continue
            findings.append(
                Finding(
                    check="addon_has_primary",
                    severity="error",
                    message=(
                        f"{line.code} is an add-on code and the claim has no primary procedure "
                        "for it on this date of service (its primaries are defined by the "
                        "Medicare contractor)."
                    ),
                    path=line.path,
                    codes=(line.code,),
                    source=f"{source}, add-on edit type 2",
                )
            )
            continue
        severity = "warning" if edit_type == 3 and others else "error"
        tail = (
            " The contractor may accept another primary (edit type 3); check its policy."
            if severity == "warning"
            else " Add the primary procedure the note documents, or remove the add-on."
        )
        findings.append(
            Finding(
                check="addon_has_primary",
                severity=severity,
                message=(
                    f"{line.code} is an add-on code reported without one of its primary codes "
                    f"({_listing(primaries)}) on the same date of service.{tail}"
                ),
                path=line.path,
                codes=(line.code, *primaries[:8]),
                source=f"{source}, add-on edit type {edit_type}",
            )
        )
    return findings


def _is_add_on(code: str, kb: CodingKnowledge) -> bool:
    if kb.aoc is not None and kb.aoc.is_add_on(code):
        return True
    entry = kb.cpt.get(code)
    return entry is not None and entry.add_on
