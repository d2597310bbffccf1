"""Import NCCI procedure-to-procedure (PTP) edit files as CMS publishes them.

Accepted layouts (one or several files of one release, e.g. the four parts ``-f1`` .. ``-f4``):

* the CMS text files inside the quarterly zip, e.g. ``ccipra-v302r0-f1.txt`` (practitioner) or
  ``ccioph-v302r0-f1.txt`` (outpatient hospital): an AMA copyright line, the title
  ``Column1/Column2 Edits``, a header wrapped over four lines, then tab-separated rows
  ``column 1, column 2, * (in existence before 1996), effective YYYYMMDD, deletion YYYYMMDD or *,
  modifier indicator 0/1/9, PTP edit rationale``;
* the same table saved from the CMS spreadsheet (``.xlsx``) or as CSV/TSV: header rows are
  skipped, any row whose first two cells are codes is read;
* agentkit's bundled TSV layout (``column_1 column_2 existed_before_1996 effective_date
  deletion_date modifier_indicator rationale``).

The release is read from the file name when possible: ``v302`` is NCCI version 30.2, in force
2024-07-01 to 2024-09-30; ``ccipra`` is practitioner, ``ccioph`` outpatient hospital.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from agentkit.coding.datafile import open_text, parse_date, read_tsv
from agentkit.coding.edits.ncci_ptp import NO_END, PtpRow, PtpTable
from agentkit.coding.store import StoredDataset, save_dataset
from agentkit.coding.versions import DataVersion, ncci_version_quarter, quarter_range
from agentkit.errors import DataFileError

__all__ = ["import_ncci_ptp", "infer_ptp_release", "read_ptp_file", "read_ptp_tsv"]

_CODE = re.compile(r"^[0-9A-Z]{5}$")
_DATE8 = re.compile(r"^[0-9]{8}$")


def read_ptp_tsv(path: Path) -> Iterator[PtpRow]:
    """Rows of agentkit's TSV layout (what the package ships)."""
    src = str(path)
    for line, r in read_tsv(path, ("column_1", "column_2", "deletion_date", "modifier_indicator")):
        yield (
            r["column_1"].upper(),
            r["column_2"].upper(),
            r.get("existed_before_1996", "") == "*",
            parse_date(r.get("effective_date", ""), source=src, line=line),
            parse_date(r["deletion_date"], source=src, line=line),
            _indicator(r["modifier_indicator"], src, line),
            r.get("rationale", ""),
        )


def _indicator(text: str, src: str, line: int) -> int:
    t = text.strip()
    if t not in ("0", "1", "9"):
        raise DataFileError(src, f"modifier indicator {text!r} is not 0, 1 or 9", line)
    return int(t)


def _date8(text: str, src: str, line: int, default: int) -> int:
    t = text.strip()
    if t in ("", "*"):
        return default
    if _DATE8.match(t):
        return int(t)
    d = parse_date(t, source=src, line=line)  # MM/DD/YYYY from a spreadsheet export
    return d.year * 10000 + d.month * 100 + d.day if d else default


def read_ptp_file(path: Path) -> Iterator[tuple[str, str, bool, int, int, int, str]]:
    """Rows of a CMS PTP file (TXT, CSV or TSV), dates as ``YYYYMMDD`` integers.

    Header and notice lines are skipped; a row that starts with two codes but is otherwise
    malformed is a :class:`DataFileError` naming the line.
    """
    src = str(path)
    if path.suffix.lower() == ".xlsx":
        from agentkit.coding.importers.xlsx import read_xlsx_rows

        rows: Iterable[Sequence[str]] = read_xlsx_rows(path)
    else:
        rows = _delimited_rows(path)
    found = False
    for number, cells in enumerate(rows, start=1):
        if len(cells) < 6:
            continue
        c1, c2 = cells[0].strip().upper(), cells[1].strip().upper()
        if not (_CODE.match(c1) and _CODE.match(c2)):
            continue
        found = True
        if len(cells) >= 7:
            pre, eff, dele, mod, why = cells[2], cells[3], cells[4], cells[5], cells[6]
        else:  # a 6-column export without the 1996 flag
            pre, eff, dele, mod, why = "", cells[2], cells[3], cells[4], cells[5]
        yield (
            c1,
            c2,
            pre.strip() == "*",
            _date8(eff, src, number, 0),
            _date8(dele, src, number, NO_END),
            _indicator(mod, src, number),
            why.strip(),
        )
    if not found:
        raise DataFileError(
            src,
            "no PTP edit rows found: expected the CMS layout (column 1 and column 2 codes, "
            "1996 flag, effective date, deletion date, modifier indicator, rationale)",
        )


def _delimited_rows(path: Path) -> Iterator[list[str]]:
    """Stream rows of a tab- or comma-separated file (CMS files are Latin-1)."""
    with open_text(path, encoding="latin-1") as handle:
        head = handle.read(4096)
        handle.seek(0)
        if head.count("\t") >= head.count(","):
            for line in handle:
                yield line.rstrip("\r\n").split("\t")
        else:
            yield from csv.reader(handle)


_SETTING_PREFIX = {"ccipra": "practitioner", "ccioph": "hospital", "ccipr": "practitioner"}
_VERSION_IN_NAME = re.compile(r"v(\d{3})(?:r\d+)?", re.IGNORECASE)


def infer_ptp_release(name: str) -> tuple[str | None, tuple[int, int] | None]:
    """``ccipra-v302r0-f1.txt`` -> (``practitioner``, (2024, 3))."""
    low = name.lower()
    setting = next((s for p, s in _SETTING_PREFIX.items() if low.startswith(p)), None)
    if setting is None and ("hosp" in low or "oph" in low):
        setting = "hospital"
    elif setting is None and "prac" in low:
        setting = "practitioner"
    m = _VERSION_IN_NAME.search(low)
    quarter = ncci_version_quarter(m.group(1)) if m else None
    return setting, quarter


def import_ncci_ptp(
    files: Sequence[Path],
    *,
    setting: str | None = None,
    label: str | None = None,
    effective_from: date | None = None,
    effective_to: date | None = None,
) -> tuple[StoredDataset, PtpTable]:
    """Parse one release's PTP files and save the prepared index in the coding data directory."""
    if not files:
        raise DataFileError("<ncci_ptp>", "no files given")
    inferred_setting, quarter = infer_ptp_release(files[0].name)
    setting = setting or inferred_setting
    if setting not in ("practitioner", "hospital"):
        raise DataFileError(
            str(files[0]),
            "cannot tell the setting from the file name; pass setting='practitioner' or 'hospital'",
        )
    if quarter is not None:
        lo, hi = quarter_range(*quarter)
        effective_from = effective_from or lo
        effective_to = effective_to or hi
    if effective_from is None:
        raise DataFileError(
            str(files[0]),
            "cannot tell the release from the file name (like ccipra-v302r0-f1.txt); pass the "
            "effective date",
        )
    if label is None:
        year, q = quarter if quarter else (effective_from.year, (effective_from.month - 1) // 3 + 1)
        label = f"NCCI PTP {setting} {year} Q{q}"
    version = DataVersion(
        kind="ncci_ptp",
        label=label,
        effective_from=effective_from,
        effective_to=effective_to,
        setting=setting,
        bundled=False,
        source=", ".join(f.name for f in files),
    )

    def all_rows() -> Iterator[tuple[str, str, bool, int, int, int, str]]:
        for f in files:
            yield from read_ptp_file(f)

    table = PtpTable.from_raw(all_rows(), version)
    stored = save_dataset(version, table.to_payload(), rows=len(table))
    return stored, table
