"""The few facts the offline coder needs from the coding knowledge layer.

NCCI pairs, MUE values, add-on primaries, bilateral indicators and work RVUs come from
``agentkit.coding.knowledge`` (the code sets and edits in force on the date of service). This
view asks only for what resolution uses, so the coder stays independent of how the tables are
stored, and keeps working (without those edits) when a table is not installed.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

__all__ = ["KnowledgeView", "knowledge_view"]


class KnowledgeView:
    """Read-only questions about codes for one date of service."""

    def __init__(self, dos: date | None = None) -> None:
        self.dos = dos or date.today()
        self._kb: Any = None
        try:
            from agentkit.coding.knowledge import knowledge

            self._kb = knowledge(self.dos)
        except ImportError:  # pragma: no cover - the knowledge layer is part of the package
            self._kb = None

    def _table(self, name: str) -> Any:
        if self._kb is None:
            return None
        return getattr(self._kb, name, None)

    def entry(self, code: str) -> Any:
        book = self._table("cpt")
        return book.get(code) if book is not None else None

    def codebook(self) -> Any:
        """The CPT codebook in force (None without the knowledge layer)."""
        return self._table("cpt")

    def known(self, code: str) -> bool:
        return self.entry(code) is not None

    def description(self, code: str) -> str:
        e = self.entry(code)
        return str(e.description) if e is not None else ""

    def work_rvu(self, code: str) -> float:
        e = self.entry(code)
        value = getattr(e, "work_rvu", None) if e is not None else None
        return float(value) if value is not None else 0.0

    def bilateral_indicator(self, code: str) -> str | None:
        e = self.entry(code)
        value = getattr(e, "bilateral", None) if e is not None else None
        return str(value) if value not in (None, "") else None

    def is_add_on(self, code: str) -> bool:
        e = self.entry(code)
        if e is not None and getattr(e, "add_on", False):
            return True
        aoc = self._table("aoc")
        return bool(aoc is not None and aoc.is_add_on(code))

    def addon_primaries(self, code: str) -> set[str] | None:
        """Primary codes an add-on may be reported with; None when unknown or contractor-defined."""
        aoc = self._table("aoc")
        if aoc is None:
            return None
        edits = aoc.edits_for(code, self.dos)
        primaries = {e.primary for e in edits}
        if not primaries or "CCCCC" in primaries:
            return None
        return primaries

    def ptp_indicator(self, column_1: str, column_2: str) -> int | None:
        """Modifier indicator (0: never together, 1: with a modifier) of an active edit."""
        table = self._table("ptp")
        if table is None:
            return None
        edit = table.lookup(column_1, column_2, self.dos)
        return int(edit.modifier_indicator) if edit is not None else None

    def mue(self, code: str) -> int | None:
        table = self._table("mue")
        if table is None:
            return None
        e = table.get(code)
        return int(e.value) if e is not None else None


@lru_cache(maxsize=64)
def knowledge_view(dos: date | None = None) -> KnowledgeView:
    """A cached view per date of service (None: today)."""
    return KnowledgeView(dos)
