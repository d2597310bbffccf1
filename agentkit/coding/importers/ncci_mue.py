"""Import NCCI medically unlikely edit (MUE) tables as CMS publishes them.

Accepted layouts:

* the CMS CSV, e.g. ``MCR_MUE_PractitionerServices_Eff_07-01-2026.csv``: a quoted, multi-line
  AMA copyright notice in the first cell, then the header (whose first cell ``HCPCS/\\nCPT Code``
  itself spans two lines), then rows ``code, MUE value, "2 Date of Service Edit: Policy",
  rationale``; Latin-1 encoded;
* the same table as ``.xlsx`` or re-saved as TSV;
* agentkit's bundled TSV layout (``code mue_value mai rationale``).

The setting and quarter come from the file name (``PractitionerServices`` / ``OutpatientHospital
Services`` / ``Eff_07-01-2026``) unless given.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from agentkit.coding.datafile import open_text
from agentkit.coding.edits.mue import MueEntry, MueTable
from agentkit.coding.store import StoredDataset, save_dataset
from agentkit.coding.versions import DataVersion, quarter_of, quarter_range
from agentkit.errors import DataFileError

__all__ = ["import_ncci_mue", "infer_mue_release", "read_mue_file"]

_CODE = re.compile(r"^[0-9A-Z]{5}$")
_EFF = re.compile(r"eff[_-]?(\d{2})[-_](\d{2})[-_](\d{4})", re.IGNORECASE)


def _rows(path: Path) -> Iterable[Sequence[str]]:
    if path.suffix.lower() == ".xlsx":
        from agentkit.coding.importers.xlsx import read_xlsx_rows

        return read_xlsx_rows(path)
    return _delimited(path)


def _delimited(path: Path) -> Iterator[list[str]]:
    with open_text(path, encoding="latin-1") as handle:
        head = handle.read(8192)
        handle.seek(0)
        delimiter = "\t" if head.count("\t") > head.count(",") else ","
        yield from csv.reader(handle, delimiter=delimiter)


def read_mue_file(path: Path) -> Iterator[MueEntry]:
    """MUE rows of a CMS (or agentkit) MUE file; notices and headers are skipped."""
    src = str(path)
    found = False
    for number, cells in enumerate(_rows(path), start=1):
        if len(cells) < 2:
            continue
        code = cells[0].strip().upper()
        if not _CODE.match(code):
            continue
        value_text = cells[1].strip()
        if not value_text.isdigit():
            raise DataFileError(
                src, f"MUE value {value_text!r} for {code} is not a whole number", number
            )
        mai_text = cells[2].strip() if len(cells) > 2 else ""
        mai = int(mai_text[0]) if mai_text[:1] in ("1", "2", "3") else 0
        if mai_text and mai == 0:
            raise DataFileError(
                src, f"MUE adjudication indicator {mai_text!r} is not 1, 2 or 3", number
            )
        found = True
        yield MueEntry(code, int(value_text), mai, cells[3].strip() if len(cells) > 3 else "")
    if not found:
        raise DataFileError(
            src,
            "no MUE rows found: expected the CMS layout (HCPCS/CPT code, MUE value, MUE "
            "adjudication indicator, MUE rationale)",
        )


def infer_mue_release(name: str) -> tuple[str | None, date | None]:
    """``MCR_MUE_PractitionerServices_Eff_07-01-2026.csv`` -> (``practitioner``, 2026-07-01)."""
    low = name.lower()
    setting = None
    if "practitioner" in low:
        setting = "practitioner"
    elif "hospital" in low or "facility" in low:
        setting = "hospital"
    elif "dme" in low:
        setting = "dme"
    m = _EFF.search(name)
    eff = date(int(m.group(3)), int(m.group(1)), int(m.group(2))) if m else None
    return setting, eff


def import_ncci_mue(
    path: Path,
    *,
    setting: str | None = None,
    label: str | None = None,
    effective_from: date | None = None,
    effective_to: date | None = None,
) -> tuple[StoredDataset, MueTable]:
    """Parse a CMS MUE file and save it in the coding data directory."""
    inferred_setting, eff = infer_mue_release(path.name)
    setting = setting or inferred_setting
    if setting == "dme":
        raise DataFileError(
            str(path), "DME supplier MUEs are not used for practitioner or hospital claims"
        )
    if setting not in ("practitioner", "hospital"):
        raise DataFileError(
            str(path),
            "cannot tell the setting from the file name; pass setting='practitioner' or 'hospital'",
        )
    effective_from = effective_from or eff
    if effective_from is None:
        raise DataFileError(str(path), "cannot tell the effective date from the file name; pass it")
    year, q = quarter_of(effective_from)
    effective_to = effective_to or quarter_range(year, q)[1]
    version = DataVersion(
        kind="mue",
        label=label or f"NCCI MUE {setting} {year} Q{q}",
        effective_from=effective_from,
        effective_to=effective_to,
        setting=setting,
        bundled=False,
        source=path.name,
    )
    table = MueTable(read_mue_file(path), version)
    stored = save_dataset(version, table.to_payload(), rows=len(table))
    return stored, table
