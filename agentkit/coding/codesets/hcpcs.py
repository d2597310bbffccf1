"""HCPCS Level II codes (A0000-V9999): CMS's public code set for supplies, drugs and services.

Bundled: every code of the CMS July 2024 alpha-numeric file, including codes terminated
earlier (with their termination date) so an old date of service still checks correctly.
Import a newer annual or quarterly file with
:func:`agentkit.coding.importers.hcpcs_anweb.import_hcpcs_anweb`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from agentkit.coding.datafile import bundled, parse_date, read_tsv
from agentkit.coding.versions import DataVersion
from agentkit.errors import DataFileError
from agentkit.types import HCPCS_PATTERN

__all__ = ["HcpcsCodeSet", "HcpcsEntry", "bundled_hcpcs", "load_hcpcs_tsv"]

_HCPCS = re.compile(HCPCS_PATTERN)


@dataclass(frozen=True)
class HcpcsEntry:
    """One HCPCS Level II code with its CMS descriptions and validity dates."""

    code: str
    short_description: str
    long_description: str
    added: date | None = None
    terminated: date | None = None  # last day the code may be reported
    action: str = ""  # CMS action code of the release (A add, D discontinue, C change, N none...)
    coverage: str = ""  # CMS coverage code (C carrier judgement, D special, I not payable, ...)

    def in_force(self, dos: date) -> bool:
        if self.added is not None and dos < self.added:
            return False
        return not (self.terminated is not None and dos > self.terminated)

    @property
    def description(self) -> str:
        return self.long_description or self.short_description


class HcpcsCodeSet:
    """Lookup of HCPCS Level II codes. ``complete`` = a full CMS file, not a subset."""

    def __init__(self, entries: Iterable[HcpcsEntry], version: DataVersion, complete: bool) -> None:
        self._by_code = {e.code: e for e in entries}
        self.version = version
        self.complete = complete

    def get(self, code: str) -> HcpcsEntry | None:
        return self._by_code.get(code.strip().upper())

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip().upper() in self._by_code

    def __iter__(self) -> Iterator[HcpcsEntry]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def search_terms(self, dos: date | None = None) -> Iterator[tuple[str, str]]:
        """``(code, description)`` pairs, only codes in force on ``dos`` when given."""
        for e in self._by_code.values():
            if dos is None or e.in_force(dos):
                yield e.code, e.description


def load_hcpcs_tsv(path: Path, version: DataVersion, complete: bool = True) -> HcpcsCodeSet:
    """Read agentkit's HCPCS TSV layout (``code short_description long_description added ...``)."""
    src = str(path)
    entries = []
    for line, row in read_tsv(path, ("code", "short_description", "long_description")):
        code = row["code"].upper()
        if not _HCPCS.match(code):
            raise DataFileError(
                src, f"{code!r} is not a HCPCS Level II code (letter + 4 digits)", line
            )
        entries.append(
            HcpcsEntry(
                code=code,
                short_description=row["short_description"],
                long_description=row["long_description"],
                added=parse_date(row.get("added", ""), source=src, line=line),
                terminated=parse_date(row.get("terminated", ""), source=src, line=line),
                action=row.get("action", ""),
                coverage=row.get("coverage", ""),
            )
        )
    return HcpcsCodeSet(entries, version, complete)


@lru_cache(maxsize=1)
def bundled_hcpcs() -> HcpcsCodeSet:
    """The CMS July 2024 HCPCS Level II file shipped with agentkit."""
    return load_hcpcs_tsv(
        bundled("hcpcs_level2.tsv.gz"),
        DataVersion(
            kind="hcpcs",
            label="HCPCS Level II 2024 July",
            effective_from=date(2024, 7, 1),
            effective_to=date(2024, 9, 30),
            source="HCPC2024_JUL_ANWEB",
        ),
    )
