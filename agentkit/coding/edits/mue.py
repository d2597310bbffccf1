"""NCCI medically unlikely edits (MUE): the most units of a code one patient gets on one date.

The MUE adjudication indicator (MAI) says how the limit is applied:
1 = per claim line (lines with 59/76/anatomic modifiers are judged separately),
2 = per date of service, absolute (policy: units above it are never paid),
3 = per date of service, clinical (units above it may be paid on appeal with records).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from agentkit.coding.versions import DataVersion
from agentkit.result import Finding

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.claim import Claim, ClaimLine
    from agentkit.coding.knowledge import CodingKnowledge

__all__ = ["MueEntry", "MueTable", "check_mue"]

_MAI_TEXT = {
    1: "MAI 1, line edit: each claim line is judged on its own",
    2: "MAI 2, date-of-service policy edit: units above it are never paid",
    3: "MAI 3, date-of-service clinical edit: units above it need records on appeal",
}


@dataclass(frozen=True)
class MueEntry:
    code: str
    value: int
    mai: int
    rationale: str


class MueTable:
    """MUE values by code for one setting and quarter."""

    def __init__(self, entries: Iterable[MueEntry], version: DataVersion) -> None:
        self._by_code = {e.code: e for e in entries}
        self.version = version

    def get(self, code: str) -> MueEntry | None:
        return self._by_code.get(code)

    def __len__(self) -> int:
        return len(self._by_code)

    def to_payload(self) -> list[tuple[str, int, int, str]]:
        return [(e.code, e.value, e.mai, e.rationale) for e in self._by_code.values()]

    @classmethod
    def from_payload(
        cls, payload: list[tuple[str, int, int, str]], version: DataVersion
    ) -> MueTable:
        return cls((MueEntry(*row) for row in payload), version)


def check_mue(claim: Claim, kb: CodingKnowledge) -> list[Finding]:
    """Units per code against the MUE in force (lines of one date of service)."""
    table = kb.mue
    if table is None:
        return []
    findings: list[Finding] = []
    by_code: dict[str, list[ClaimLine]] = {}
    for line in claim.lines:
        by_code.setdefault(line.code, []).append(line)
    for code, lines in by_code.items():
        entry = table.get(code)
        if entry is None:
            continue
        if all(line.units <= entry.value for line in lines) and (
            entry.mai == 1 or sum(line.units for line in lines) <= entry.value
        ):
            continue  # the common case: within the limit
        mai = _MAI_TEXT.get(entry.mai, f"MAI {entry.mai}")
        source = f"{table.version.label}, MUE {entry.value}, {mai}"
        why = f" ({entry.rationale})" if entry.rationale else ""
        if entry.mai == 1:
            for line in lines:
                if line.units > entry.value:
                    findings.append(
                        Finding(
                            check="mue",
                            severity="error",
                            message=(
                                f"{code} is reported with {line.units} units on one line; the "
                                f"medically unlikely edit allows {entry.value} per line{why}. "
                                "Correct the units, or split lines only where modifiers such as "
                                "59, 76 or RT/LT document separate services."
                            ),
                            path=line.units_path,
                            codes=(code,),
                            source=source,
                        )
                    )
            continue
        total = sum(line.units for line in lines)
        if total > entry.value:
            appeal = (
                " Units above it are paid only on appeal with supporting records."
                if entry.mai == 3
                else " Units above it are not paid."
            )
            findings.append(
                Finding(
                    check="mue",
                    severity="error",
                    message=(
                        f"{code} totals {total} units on this date of service; the medically "
                        f"unlikely edit allows {entry.value}{why}.{appeal}"
                    ),
                    path=lines[0].units_path,
                    codes=(code,),
                    source=source,
                )
            )
    return findings
