"""Which version of each code set and edit table is in force on a date of service.

Every data set (bundled or imported) carries a :class:`DataVersion`: a label a coder
recognises ("NCCI PTP practitioner 2024 Q3"), the dates it governs and where it came from.
Findings quote the label, so a coder can see which rules judged the claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol, TypeVar

__all__ = [
    "DataVersion",
    "Versioned",
    "fiscal_year_range",
    "ncci_version_quarter",
    "quarter_of",
    "quarter_range",
    "select_in_force",
]


@dataclass(frozen=True)
class DataVersion:
    """The identity of one loaded data set."""

    kind: str  # ncci_ptp, mue, aoc, cpt, hcpcs, icd10cm, modifiers, mce, pfs, coverage
    label: str  # what findings cite: "NCCI PTP practitioner 2024 Q3"
    effective_from: date | None = None
    effective_to: date | None = None
    setting: str | None = None  # practitioner | hospital, for the NCCI tables
    bundled: bool = True  # shipped in the package (a subset) vs imported by the user
    source: str = ""  # file name(s) it was built from

    def covers(self, dos: date) -> bool:
        """True when ``dos`` falls in the version's effective range (open ends allowed)."""
        if self.effective_from is not None and dos < self.effective_from:
            return False
        return not (self.effective_to is not None and dos > self.effective_to)

    def describe(self) -> str:
        """``label (from - to, bundled subset)`` for tables and reports."""
        lo = self.effective_from.isoformat() if self.effective_from else "…"
        hi = self.effective_to.isoformat() if self.effective_to else "…"
        origin = "bundled" if self.bundled else "imported"
        return f"{self.label} ({lo} to {hi}, {origin})"


class Versioned(Protocol):
    """Anything that carries a :class:`DataVersion` (a loaded table, a data source)."""

    @property
    def version(self) -> DataVersion: ...


V = TypeVar("V", bound=Versioned)


def select_in_force(candidates: Sequence[V], dos: date) -> tuple[V | None, bool]:
    """Pick the candidate in force on ``dos``; returns ``(choice, covers)``.

    Preference: a version whose range covers ``dos`` (imported before bundled, then the most
    recent start). When none covers it, the latest version that started before ``dos``, else
    the earliest one; ``covers`` is then False so callers can say the data is out of date.
    """
    if not candidates:
        return None, False

    def rank(c: V) -> tuple[bool, date]:
        return (not c.version.bundled, c.version.effective_from or date.min)

    covering = [c for c in candidates if c.version.covers(dos)]
    if covering:
        return max(covering, key=rank), True
    earlier = [c for c in candidates if (c.version.effective_from or date.min) <= dos]
    if earlier:
        return max(earlier, key=rank), False
    return min(candidates, key=lambda c: c.version.effective_from or date.min), False


def quarter_range(year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a calendar quarter (NCCI tables are quarterly)."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1-4, not {quarter}")
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return start, end - timedelta(days=1)


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def fiscal_year_range(fiscal_year: int) -> tuple[date, date]:
    """US federal fiscal year: FY2026 runs 2025-10-01 to 2026-09-30 (ICD-10-CM, MCE)."""
    return date(fiscal_year - 1, 10, 1), date(fiscal_year, 9, 30)


_NCCI_VERSION = re.compile(r"v?(\d{2})\.?(\d)(?:r\d+)?", re.IGNORECASE)


def ncci_version_quarter(text: str) -> tuple[int, int] | None:
    """NCCI release number -> (year, quarter): ``v302`` / ``30.2`` -> (2024, 3).

    CMS numbers NCCI releases ``<year - 1994>.<quarter - 1>``: v30.2 took effect 2024-07-01.
    """
    m = _NCCI_VERSION.fullmatch(text.strip())
    if not m:
        return None
    major, minor = int(m.group(1)), int(m.group(2))
    if minor > 3:
        return None
    return 1994 + major, minor + 1
