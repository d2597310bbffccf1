"""Import the NCCI add-on code (AOC) edit table.

CMS publishes it quarterly as a spreadsheet (``AOC_V2024Q2-MCR.xlsx``). Read directly, or saved
as CSV/TSV. Columns are found by header name (case, spacing and punctuation ignored):
``Add-on Code``, ``Primary Code``, ``AOC Edit Type``, and optionally the effective and deletion
dates (``AOC Edit Eff Dt``, ``AOC Edit Del Dt``, ``AOC Del Dt``, ``Primary Code Del Dt``, with or
without a ``Julian`` suffix). Dates may be Julian ``YYYYDDD``, ``YYYYMMDD`` or ``MM/DD/YYYY``;
``*`` or blank means none. ``CCCCC`` as a primary means contractor-defined primaries.
agentkit's bundled layout (``add_on_code primary_code edit_type effective_date deletion_date``)
is read the same way.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from agentkit.coding.datafile import open_text, parse_date
from agentkit.coding.edits.addon import AddonEdit, AddonTable
from agentkit.coding.store import StoredDataset, save_dataset
from agentkit.coding.versions import DataVersion, quarter_range
from agentkit.errors import DataFileError

__all__ = ["import_ncci_aoc", "read_aoc_file"]

_CODE = re.compile(r"^[0-9A-Z]{5}$")
_Q = re.compile(r"(20\d{2})\s*q([1-4])", re.IGNORECASE)


def _norm(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", header.lower()).strip("_").removesuffix("_julian")


_ALIASES = {
    "add_on": ("add_on_code", "addon_code", "aoc", "add_on"),
    "primary": ("primary_code", "primary"),
    "type": ("aoc_edit_type", "edit_type", "type"),
    "edit_eff": ("aoc_edit_eff_dt", "aoc_edit_effective_date", "effective_date"),
    "edit_del": ("aoc_edit_del_dt", "aoc_edit_deletion_date", "deletion_date"),
    "aoc_del": ("aoc_del_dt", "aoc_deletion_date"),
    "primary_del": ("primary_code_del_dt", "primary_code_deletion_date"),
}


def _rows(path: Path) -> Iterable[Sequence[str]]:
    if path.suffix.lower() == ".xlsx":
        from agentkit.coding.importers.xlsx import read_xlsx_rows

        return read_xlsx_rows(path)
    return _delimited(path)


def _delimited(path: Path) -> Iterator[list[str]]:
    with open_text(path, encoding="latin-1") as handle:
        lines = [ln for ln in handle if not ln.startswith("#")]
    head = "".join(lines[:20])
    delimiter = "\t" if head.count("\t") > head.count(",") else ","
    yield from csv.reader(lines, delimiter=delimiter)


def _cell(cells: Sequence[str], columns: dict[str, int], key: str) -> str:
    i = columns.get(key)
    return cells[i].strip() if i is not None and i < len(cells) else ""


def read_aoc_file(path: Path) -> Iterator[AddonEdit]:
    src = str(path)
    columns: dict[str, int] | None = None
    found = False
    for number, cells in enumerate(_rows(path), start=1):
        names = [_norm(c) for c in cells]
        if columns is None:
            found_cols = {
                key: names.index(alias)
                for key, aliases in _ALIASES.items()
                for alias in aliases
                if alias in names
            }
            if {"add_on", "primary", "type"} <= found_cols.keys():
                columns = found_cols
            continue

        add_on, primary = (
            _cell(cells, columns, "add_on").upper(),
            _cell(cells, columns, "primary").upper(),
        )
        if not (_CODE.match(add_on) and _CODE.match(primary)):
            continue
        kind = _cell(cells, columns, "type")
        if kind not in ("1", "2", "3"):
            raise DataFileError(src, f"AOC edit type {kind!r} is not 1, 2 or 3", number)
        deletions = [
            d
            for d in (
                parse_date(_cell(cells, columns, "edit_del"), source=src, line=number),
                parse_date(_cell(cells, columns, "aoc_del"), source=src, line=number),
                parse_date(_cell(cells, columns, "primary_del"), source=src, line=number),
            )
            if d is not None
        ]
        found = True
        yield AddonEdit(
            add_on,
            primary,
            int(kind),
            parse_date(_cell(cells, columns, "edit_eff"), source=src, line=number),
            min(deletions) if deletions else None,
        )
    if columns is None:
        raise DataFileError(
            src, "no header with 'Add-on Code', 'Primary Code' and 'AOC Edit Type' columns"
        )
    if not found:
        raise DataFileError(src, "the header was found but no add-on code rows follow it")


def import_ncci_aoc(
    path: Path,
    *,
    label: str | None = None,
    effective_from: date | None = None,
    effective_to: date | None = None,
) -> tuple[StoredDataset, AddonTable]:
    """Parse a CMS AOC file (``AOC_V2024Q2-MCR.xlsx``) and save it in the coding data directory."""
    m = _Q.search(path.name)
    if m and effective_from is None:
        effective_from, hi = quarter_range(int(m.group(1)), int(m.group(2)))
        effective_to = effective_to or hi
    if effective_from is None:
        raise DataFileError(
            str(path), "cannot tell the quarter from the file name (like AOC_V2024Q2); pass it"
        )
    q = (effective_from.month - 1) // 3 + 1
    version = DataVersion(
        kind="aoc",
        label=label or f"NCCI add-on code edits {effective_from.year} Q{q}",
        effective_from=effective_from,
        effective_to=effective_to,
        bundled=False,
        source=path.name,
    )
    table = AddonTable(read_aoc_file(path), version)
    stored = save_dataset(version, table.to_payload(), rows=len(table))
    return stored, table
