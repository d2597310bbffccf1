"""Medicare Physician Fee Schedule payment-policy indicators per code (no prices, no text).

The modifier edits need them for every code on a claim, not only codebook codes: may modifier 50
be used (bilateral indicator), may 26/TC split the service (PC/TC indicator), is an assistant at
surgery allowed, is it an add-on (global ZZZ). Bundled: the RVU24C (July 2024) file's
indicators; import a newer ``PPRRVU`` file with
:func:`agentkit.coding.importers.pfs_rvu.import_pfs_rvu`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from agentkit.coding.datafile import bundled, read_tsv
from agentkit.coding.versions import DataVersion

__all__ = [
    "FeeScheduleIndicators",
    "PolicyIndicators",
    "bundled_fee_schedule",
    "load_indicators_tsv",
]

INDICATOR_COLUMNS = (
    "code",
    "modifier",
    "status",
    "pctc",
    "global_days",
    "multiple_procedure",
    "bilateral",
    "assistant",
    "co_surgery",
    "team_surgery",
    "endo_base",
)


class PolicyIndicators(NamedTuple):
    """The CMS indicators of one code (a named tuple: ~18,000 are built at load)."""

    code: str
    status: str = (
        ""  # A active, B bundled, I not valid for Medicare, N non-covered, X statutory ...
    )
    pctc: str = ""  # 0 physician service ... 1 diagnostic test with 26/TC ... 9 not applicable
    global_days: str = ""
    multiple_procedure: str = ""
    bilateral: str = ""
    assistant: str = ""
    co_surgery: str = ""
    team_surgery: str = ""
    endo_base: str = ""


class FeeScheduleIndicators:
    """Indicators by code, plus which modifiers have their own RVU row (26, TC, 53)."""

    def __init__(self, rows: Iterable[tuple[PolicyIndicators, str]], version: DataVersion) -> None:
        self._by_code: dict[str, PolicyIndicators] = {}
        self._modifier_rows: dict[str, set[str]] = {}
        for ind, modifier in rows:
            if modifier:
                self._modifier_rows.setdefault(ind.code, set()).add(modifier)
            else:
                self._by_code[ind.code] = ind
        self.version = version

    def get(self, code: str) -> PolicyIndicators | None:
        return self._by_code.get(code)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    def priced_modifiers(self, code: str) -> frozenset[str]:
        """Modifiers CMS prices separately for ``code`` (e.g. 26 and TC for an x-ray)."""
        return frozenset(self._modifier_rows.get(code, ()))


def load_indicators_tsv(path: Path, version: DataVersion) -> FeeScheduleIndicators:
    rows = []
    for _, r in read_tsv(path, ("code", "modifier")):
        rows.append(
            (
                PolicyIndicators(
                    code=r["code"].upper(),
                    status=r.get("status", ""),
                    pctc=r.get("pctc", ""),
                    global_days=r.get("global_days", ""),
                    multiple_procedure=r.get("multiple_procedure", ""),
                    bilateral=r.get("bilateral", ""),
                    assistant=r.get("assistant", ""),
                    co_surgery=r.get("co_surgery", ""),
                    team_surgery=r.get("team_surgery", ""),
                    endo_base=r.get("endo_base", ""),
                ),
                r["modifier"].upper(),
            )
        )
    return FeeScheduleIndicators(rows, version)


@lru_cache(maxsize=1)
def bundled_fee_schedule() -> FeeScheduleIndicators:
    return load_indicators_tsv(
        bundled("pfs_indicators.tsv.gz"),
        DataVersion(
            kind="pfs",
            label="Medicare PFS indicators 2024 July (RVU24C)",
            effective_from=date(2024, 7, 1),
            effective_to=date(2024, 12, 31),
            source="PPRRVU24_JUL",
        ),
    )
