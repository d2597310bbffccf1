"""The CPT codebook: code numbers with descriptions in our own words and CMS payment indicators.

The bundled ``cpt_codebook.tsv`` is a starter set coders edit (see its header for the columns).
A user's licensed AMA CPT file can extend it or replace it
(:func:`agentkit.coding.importers.cpt_ama.import_ama_cpt`). A code of valid CPT shape that the
loaded codebook lacks is *unknown to us*, not invalid: checks report it as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from agentkit.coding.datafile import bundled, parse_date, read_tsv
from agentkit.coding.versions import DataVersion
from agentkit.errors import DataFileError

__all__ = [
    "CODEBOOK_COLUMNS",
    "CptCodebook",
    "CptEntry",
    "bundled_codebook",
    "load_codebook",
]

CODEBOOK_COLUMNS = (
    "code",
    "description",
    "section",
    "category",
    "global_days",
    "add_on",
    "addon_type",
    "primaries",
    "bilateral",
    "multiple_procedure",
    "assistant",
    "work_rvu",
    "synonyms",
    "effective",
    "terminated",
)
_REQUIRED = ("code", "description")
_CPT = re.compile(r"^[0-9]{4}[0-9AFMTU]$")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class CptEntry:
    """One CPT code as agentkit knows it."""

    code: str
    description: str
    section: str = ""
    category: str = ""
    global_days: str | None = None  # 000 010 090 MMM XXX YYY ZZZ
    add_on: bool = False
    addon_type: str | None = None  # NCCI AOC edit type 1/2/3
    primaries: tuple[str, ...] = ()
    bilateral: str | None = None  # CMS bilateral surgery indicator
    multiple_procedure: str | None = None
    assistant: str | None = None
    work_rvu: float | None = None
    synonyms: tuple[str, ...] = ()
    effective: date | None = None
    terminated: date | None = None
    source: str = "agentkit"  # "agentkit" (our words) or "ama" (imported licensed text)

    @property
    def is_em(self) -> bool:
        """An evaluation and management service (the codes modifier 25 and 57 belong on)."""
        return self.section == "E/M"

    def in_force(self, dos: date) -> bool:
        if self.effective is not None and dos < self.effective:
            return False
        return not (self.terminated is not None and dos > self.terminated)

    def terms(self) -> Iterator[str]:
        """The description then each synonym: what a search index should know it by."""
        yield self.description
        yield from self.synonyms


class CptCodebook:
    """Lookup and simple search over CPT entries."""

    def __init__(self, entries: Iterable[CptEntry], version: DataVersion) -> None:
        self._by_code: dict[str, CptEntry] = {}
        for e in entries:
            self._by_code[e.code] = e
        self.version = version

    def get(self, code: str) -> CptEntry | None:
        return self._by_code.get(code.strip().upper())

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip().upper() in self._by_code

    def __iter__(self) -> Iterator[CptEntry]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def search_terms(self) -> Iterator[tuple[str, str]]:
        """``(code, phrase)`` for every description and synonym (for the offline coder's index)."""
        for e in self._by_code.values():
            for term in e.terms():
                yield e.code, term

    def search(self, text: str, limit: int = 10) -> list[CptEntry]:
        """Entries whose description or synonyms share the most words with ``text``."""
        wanted = set(_WORD.findall(text.lower()))
        if not wanted:
            return []
        scored: list[tuple[float, str, CptEntry]] = []
        for e in self._by_code.values():
            best = 0.0
            for term in e.terms():
                words = set(_WORD.findall(term.lower()))
                if words:
                    overlap = len(wanted & words)
                    best = max(best, overlap / len(wanted) + overlap / (4 * len(words)))
            if best > 0:
                scored.append((-best, e.code, e))
        scored.sort(key=lambda t: (t[0], t[1]))
        return [e for _, _, e in scored[:limit]]

    def merged(
        self, other: Iterable[CptEntry], version: DataVersion, replace_all: bool
    ) -> CptCodebook:
        """A new codebook: ``other`` replaces this one, or extends it (other's text wins).

        When extending, our indicators, synonyms and RVUs are kept for codes both know, so an AMA
        file adds official text without losing what the edits need.
        """
        if replace_all:
            return CptCodebook(other, version)
        merged = dict(self._by_code)
        for e in other:
            ours = merged.get(e.code)
            if ours is None:
                merged[e.code] = e
            else:
                merged[e.code] = replace(
                    ours,
                    description=e.description,
                    source=e.source,
                    synonyms=tuple(dict.fromkeys((*ours.synonyms, *e.synonyms))),
                )
        return CptCodebook(merged.values(), version)


def _float(text: str, path: Path, line: int) -> float | None:
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise DataFileError(str(path), f"work_rvu {text!r} is not a number", line) from None


def load_codebook(path: Path, version: DataVersion | None = None) -> CptCodebook:
    """Read a codebook TSV (the bundled layout; see CODEBOOK_COLUMNS)."""
    entries: list[CptEntry] = []
    seen: dict[str, int] = {}
    src = str(path)
    for line, row in read_tsv(path, _REQUIRED):
        code = row["code"].upper()
        if not _CPT.match(code):
            raise DataFileError(
                src, f"{code!r} is not a CPT code (5 digits, or 4 digits + A/F/M/T/U)", line
            )
        if code in seen:
            raise DataFileError(src, f"{code} is listed twice (first on line {seen[code]})", line)
        seen[code] = line
        if not row["description"]:
            raise DataFileError(src, f"{code} has no description", line)
        entries.append(
            CptEntry(
                code=code,
                description=row["description"],
                section=row.get("section", ""),
                category=row.get("category", ""),
                global_days=row.get("global_days") or None,
                add_on=row.get("add_on", "").upper() in ("Y", "YES", "1", "TRUE"),
                addon_type=row.get("addon_type") or None,
                primaries=tuple(row.get("primaries", "").split()),
                bilateral=row.get("bilateral") or None,
                multiple_procedure=row.get("multiple_procedure") or None,
                assistant=row.get("assistant") or None,
                work_rvu=_float(row.get("work_rvu", ""), path, line),
                synonyms=tuple(s.strip() for s in row.get("synonyms", "").split(";") if s.strip()),
                effective=parse_date(row.get("effective", ""), source=src, line=line),
                terminated=parse_date(row.get("terminated", ""), source=src, line=line),
            )
        )
    version = version or DataVersion(
        kind="cpt", label=f"CPT codebook {path.name}", source=path.name, bundled=False
    )
    return CptCodebook(entries, version)


@lru_cache(maxsize=1)
def bundled_codebook() -> CptCodebook:
    """agentkit's starter codebook (descriptions in our own words)."""
    return load_codebook(
        bundled("cpt_codebook.tsv"),
        DataVersion(
            kind="cpt",
            label="CPT starter codebook (agentkit)",
            source="cpt_codebook.tsv",
        ),
    )
