"""CPT and HCPCS Level II modifiers, with the category the edits reason about.

Two bundled files: ``modifiers_cpt.tsv`` (CPT modifiers described in agentkit's own words, as
the AMA text is licensed) and ``modifiers_hcpcs.tsv`` (CMS's public HCPCS Level II modifier
text). Columns: ``modifier category side ptp_bypass description effective terminated``.

``side`` (left/right) lets the edits see that RT and FA contradict each other; ``ptp_bypass``
marks the NCCI-associated modifiers that may bypass a PTP edit whose modifier indicator is 1.

:func:`is_known_modifier` is what the ``modifier`` output type validates against, so it must
stay cheap: the files are read once per process, on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from agentkit.coding.datafile import bundled, parse_date, read_tsv
from agentkit.coding.versions import DataVersion

__all__ = [
    "DISTINCT_SERVICE_MODIFIERS",
    "ModifierInfo",
    "ModifierSet",
    "bundled_modifiers",
    "get_modifier",
    "is_known_modifier",
    "load_modifier_file",
]

#: The X{EPSU} subset of 59: each says *why* a service is distinct.
DISTINCT_SERVICE_MODIFIERS = frozenset({"XE", "XP", "XS", "XU"})

_COLUMNS = ("modifier", "category", "description")


@dataclass(frozen=True)
class ModifierInfo:
    """One modifier: its category, body side (if anatomic) and validity dates."""

    code: str
    category: str
    description: str
    source: str  # "CPT" or "HCPCS"
    side: str | None = None  # "left" | "right" for anatomic modifiers that name a side
    ptp_bypass: bool = False  # NCCI-associated: may bypass a PTP edit with indicator 1
    effective: date | None = None
    terminated: date | None = None

    def in_force(self, dos: date) -> bool:
        if self.effective is not None and dos < self.effective:
            return False
        return not (self.terminated is not None and dos > self.terminated)


class ModifierSet:
    """A lookup of modifiers by code (``"RT"``, ``"59"``)."""

    def __init__(self, entries: Iterable[ModifierInfo], version: DataVersion) -> None:
        self._by_code: dict[str, ModifierInfo] = {}
        for e in entries:
            self._by_code.setdefault(e.code, e)  # first file wins (CPT before HCPCS)
        self.version = version

    def get(self, code: str) -> ModifierInfo | None:
        return self._by_code.get(code.strip().upper())

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip().upper() in self._by_code

    def __iter__(self) -> Iterator[ModifierInfo]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def in_category(self, category: str) -> list[ModifierInfo]:
        return [m for m in self._by_code.values() if m.category == category]

    def merged_with(self, other: ModifierSet) -> ModifierSet:
        """``other``'s entries (e.g. an imported HCPCS file) override this set's."""
        merged = {**self._by_code, **other._by_code}
        return ModifierSet(merged.values(), other.version)


def load_modifier_file(path: Path, source: str) -> list[ModifierInfo]:
    """Read one modifier TSV (bundled layout)."""
    out = []
    for line, row in read_tsv(path, _COLUMNS):
        code = row["modifier"].upper()
        if len(code) != 2 or not code.isalnum():
            from agentkit.errors import DataFileError

            raise DataFileError(str(path), f"{code!r} is not a two-character modifier", line)
        out.append(
            ModifierInfo(
                code=code,
                category=row["category"] or "other",
                description=row["description"],
                source=source,
                side=row.get("side") or None,
                ptp_bypass=row.get("ptp_bypass", "").upper() in ("Y", "YES", "1", "TRUE"),
                effective=parse_date(row.get("effective", ""), source=str(path), line=line),
                terminated=parse_date(row.get("terminated", ""), source=str(path), line=line),
            )
        )
    return out


@lru_cache(maxsize=1)
def bundled_modifiers() -> ModifierSet:
    """The modifiers shipped with agentkit (CPT in our words + HCPCS Level II 2024)."""
    entries = load_modifier_file(bundled("modifiers_cpt.tsv"), "CPT")
    entries += load_modifier_file(bundled("modifiers_hcpcs.tsv"), "HCPCS")
    version = DataVersion(
        kind="modifiers",
        label="Modifiers: CPT (agentkit descriptions) + HCPCS Level II 2024",
        effective_from=date(2024, 1, 1),
        source="modifiers_cpt.tsv, modifiers_hcpcs.tsv",
    )
    return ModifierSet(entries, version)


def get_modifier(code: str) -> ModifierInfo | None:
    """Look a modifier up in the bundled list and, failing that, in imported HCPCS files."""
    info = bundled_modifiers().get(code)
    if info is not None:
        return info
    from agentkit.coding.store import imported_modifiers

    extra = imported_modifiers()
    return extra.get(code) if extra is not None else None


def is_known_modifier(code: str) -> bool:
    """True when ``code`` is a CPT or HCPCS Level II modifier agentkit knows (any date)."""
    return get_modifier(code) is not None
