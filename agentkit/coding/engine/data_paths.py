"""Where the engine's data files live, for code that needs all of their words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

__all__ = ["DATA_DIR", "data_file_texts"]

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_file_texts() -> Iterator[str]:
    """The text of each engine data file (section headings, assertion cues, attributes)."""
    for path in sorted(DATA_DIR.glob("*.yaml")):
        yield path.read_text(encoding="utf-8")
