"""Import the payment-policy indicators of a Medicare PFS relative value file (``PPRRVU``).

Input: the CSV inside CMS's quarterly RVU zip, e.g. ``PPRRVU2026_Jul_nonQPP.csv``: about ten
preamble lines (release title, AMA and ADA notices, release date), then a header stacked over
five lines (``GLOB`` over ``DAYS``, ``BILAT`` over ``SURG`` ...), then one row per code and
modifier. Columns are found by their stacked captions, so a column added by CMS does not break
the import. Only the indicators are kept (no descriptors, no RVUs).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from agentkit.coding.codesets.fee_schedule import FeeScheduleIndicators, PolicyIndicators
from agentkit.coding.datafile import open_text
from agentkit.coding.store import StoredDataset, save_dataset
from agentkit.coding.versions import DataVersion
from agentkit.errors import DataFileError

__all__ = ["import_pfs_rvu", "read_pfs_rvu"]

_WANTED = {
    "HCPCS": "code",
    "MOD": "modifier",
    "STATUSCODE": "status",
    "PCTCIND": "pctc",
    "GLOBDAYS": "global_days",
    "MULTPROC": "multiple_procedure",
    "BILATSURG": "bilateral",
    "ASSTSURG": "assistant",
    "COSURG": "co_surgery",
    "TEAMSURG": "team_surgery",
    "ENDOBASE": "endo_base",
}
_CODE = re.compile(r"^[0-9A-Z]{5}$")
_MONTHS = {"jan": 1, "apr": 4, "jul": 7, "oct": 10}


def read_pfs_rvu(path: Path) -> Iterator[tuple[PolicyIndicators, str]]:
    src = str(path)
    with open_text(path, encoding="latin-1") as handle:
        rows = list(csv.reader(handle))
    header_end = next(
        (i for i, r in enumerate(rows) if r and r[0].strip().upper() == "HCPCS"), None
    )
    if header_end is None:
        raise DataFileError(src, "no header row starting with HCPCS (the PPRRVU layout)")
    start = header_end
    while start > 0 and any(c.strip() for c in rows[start - 1]) and not rows[start - 1][0].strip():
        start -= 1
    width = max(len(r) for r in rows[start : header_end + 1])
    captions = []
    for col in range(width):
        parts = [
            r[col].strip() for r in rows[start : header_end + 1] if col < len(r) and r[col].strip()
        ]
        captions.append(re.sub(r"[^A-Z]", "", " ".join(parts).upper()))
    index: dict[str, int] = {}
    for col, cap in enumerate(captions):
        for key, name in _WANTED.items():
            if cap == key or (cap.endswith(key) and name not in index):
                index.setdefault(name, col)
    missing = [n for n in ("code", "modifier", "global_days", "bilateral") if n not in index]
    if missing:
        raise DataFileError(src, f"header lacks the columns {missing}", header_end + 1)
    for r in rows[header_end + 1 :]:
        code = r[index["code"]].strip().upper() if len(r) > index["code"] else ""
        if not _CODE.match(code):
            continue

        def get(name: str, r: list[str] = r) -> str:
            i = index.get(name)
            return r[i].strip() if i is not None and i < len(r) else ""

        yield (
            PolicyIndicators(
                code=code,
                status=get("status"),
                pctc=get("pctc"),
                global_days=get("global_days"),
                multiple_procedure=get("multiple_procedure"),
                bilateral=get("bilateral"),
                assistant=get("assistant"),
                co_surgery=get("co_surgery"),
                team_surgery=get("team_surgery"),
                endo_base=get("endo_base"),
            ),
            get("modifier").upper(),
        )


def import_pfs_rvu(
    path: Path, *, label: str | None = None, effective_from: date | None = None
) -> tuple[StoredDataset, FeeScheduleIndicators]:
    m = re.search(r"(20\d{2})_?([A-Za-z]{3})", path.name)
    if effective_from is None and m and m.group(2).lower() in _MONTHS:
        effective_from = date(int(m.group(1)), _MONTHS[m.group(2).lower()], 1)
    if effective_from is None:
        raise DataFileError(
            str(path), "cannot tell the release from the file name (PPRRVU2026_Jul); pass it"
        )
    version = DataVersion(
        "pfs",
        label or f"Medicare PFS indicators {effective_from.year} {effective_from.strftime('%b')}",
        effective_from,
        date(effective_from.year, 12, 31),
        bundled=False,
        source=path.name,
    )
    rows = list(read_pfs_rvu(path))
    if not rows:
        raise DataFileError(str(path), "no code rows after the header")
    stored = save_dataset(version, rows, rows=len(rows))
    return stored, FeeScheduleIndicators(rows, version)
