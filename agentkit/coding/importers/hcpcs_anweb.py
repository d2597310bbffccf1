"""Import the CMS HCPCS Level II alpha-numeric file (``HCPC<year>_<MON>_ANWEB``).

Accepted layouts:

* the CSV/XLSX version with its 48-column header (``HCPC, SEQNUM, RECID, LONG DESCRIPTION, SHORT
  DESCRIPTION, PRICE1 ... ADD DT, ACT EFF DT, TERM DT, ACTION CD``);
* the fixed-width text version (code 1-5, sequence 6-10, record id 11, long description 12-91,
  short description 92-119, added 269-276, action effective 277-284, termination 285-292,
  action code 293).

Record ids: 3 = a code's first line, 4 = more of its long description, 7 = a modifier's first
line (the code field holds the modifier, right-aligned), 8 = more of a modifier's description.
Dates are ``YYYYMMDD``. Both codes and modifiers are saved: the modifiers feed
``is_known_modifier`` and the modifier edits (with their termination dates).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from agentkit.coding.codesets.hcpcs import HcpcsCodeSet, HcpcsEntry
from agentkit.coding.codesets.modifiers import ModifierInfo, ModifierSet, bundled_modifiers
from agentkit.coding.datafile import open_text, parse_date
from agentkit.coding.store import StoredDataset, save_dataset
from agentkit.coding.versions import DataVersion
from agentkit.errors import DataFileError

__all__ = ["AnwebRecord", "import_hcpcs_anweb", "read_anweb"]

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
        start=1,
    )
}
_NAME = re.compile(r"HCPC(\d{4})_?([A-Z]{3})?", re.IGNORECASE)


@dataclass
class AnwebRecord:
    """One code or modifier assembled from its record lines."""

    code: str
    is_modifier: bool
    long: str
    short: str = ""
    added: date | None = None
    action_effective: date | None = None
    terminated: date | None = None
    action: str = ""
    coverage: str = ""
    extra: list[str] = field(default_factory=list)


def _csv_records(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with open_text(path, encoding="latin-1") as handle:
        reader = csv.reader(handle)
        header: list[str] | None = None
        for number, cells in enumerate(reader, start=1):
            if header is None:
                norm = [c.strip().upper() for c in cells]
                if "HCPC" in norm and "RECID" in norm:
                    header = norm
                continue
            if cells:
                yield (
                    number,
                    {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header)},
                )
        if header is None:
            raise DataFileError(
                str(path), "no header with HCPC and RECID columns (the ANWEB layout)"
            )


def _fixed_records(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with open_text(path, encoding="latin-1") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            if len(line) < 120:
                raise DataFileError(
                    str(path), "line too short for the fixed-width ANWEB layout", number
                )
            yield (
                number,
                {
                    "HCPC": line[0:5],
                    "RECID": line[10:11],
                    "LONG DESCRIPTION": line[11:91],
                    "SHORT DESCRIPTION": line[91:119],
                    "ADD DT": line[268:276] if len(line) >= 276 else "",
                    "ACT EFF DT": line[276:284] if len(line) >= 284 else "",
                    "TERM DT": line[284:292] if len(line) >= 292 else "",
                    "ACTION CD": line[292:293] if len(line) >= 293 else "",
                    "COV": line[229:230] if len(line) >= 230 else "",
                },
            )


def read_anweb(path: Path) -> Iterator[AnwebRecord]:
    """Assemble codes and modifiers from an ANWEB file (CSV, XLSX or fixed width)."""
    src = str(path)
    if path.suffix.lower() == ".xlsx":
        rows = _xlsx_records(path)
    else:
        with open_text(path, encoding="latin-1") as handle:
            first = handle.readline()
        rows = (
            _csv_records(path)
            if "," in first and "RECID" in first.upper()
            else _fixed_records(path)
        )
    current: AnwebRecord | None = None
    for number, r in rows:
        recid = r.get("RECID", "").strip()
        code = r.get("HCPC", "").strip().upper()
        long = " ".join(r.get("LONG DESCRIPTION", "").split())
        if recid in ("3", "7"):
            if current is not None:
                yield current
            current = AnwebRecord(
                code=code,
                is_modifier=recid == "7",
                long=long,
                short=" ".join(r.get("SHORT DESCRIPTION", "").split()),
                added=parse_date(r.get("ADD DT", ""), source=src, line=number),
                action_effective=parse_date(r.get("ACT EFF DT", ""), source=src, line=number),
                terminated=parse_date(r.get("TERM DT", ""), source=src, line=number),
                action=r.get("ACTION CD", "").strip(),
                coverage=r.get("COV", "").strip(),
            )
        elif recid in ("4", "8"):
            if current is None or current.code != code:
                raise DataFileError(
                    src, f"continuation line for {code} without its first line", number
                )
            current.long = f"{current.long} {long}".strip()
        elif recid:
            raise DataFileError(src, f"unknown record id {recid!r} (expected 3, 4, 7 or 8)", number)
    if current is not None:
        yield current


def _xlsx_records(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    from agentkit.coding.importers.xlsx import read_xlsx_rows

    header: list[str] | None = None
    for number, cells in enumerate(read_xlsx_rows(path), start=1):
        if header is None:
            norm = [c.strip().upper() for c in cells]
            if "HCPC" in norm and "RECID" in norm:
                header = norm
            continue
        yield number, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header)}


def _release(name: str) -> tuple[int, int] | None:
    m = _NAME.search(name)
    if not m:
        return None
    month = _MONTHS.get((m.group(2) or "JAN").upper(), 1)
    return int(m.group(1)), month


def import_hcpcs_anweb(
    path: Path,
    *,
    label: str | None = None,
    effective_from: date | None = None,
    effective_to: date | None = None,
) -> tuple[StoredDataset, HcpcsCodeSet]:
    """Parse an ANWEB file and save its codes and modifiers in the coding data directory."""
    release = _release(path.name)
    if effective_from is None and release is not None:
        effective_from = date(release[0], release[1], 1)
    if effective_from is None:
        raise DataFileError(
            str(path), "cannot tell the release from the file name (HCPC2026_OCT_ANWEB); pass it"
        )
    version = DataVersion(
        kind="hcpcs",
        label=label or f"HCPCS Level II {effective_from.year} {effective_from.strftime('%b')}",
        effective_from=effective_from,
        effective_to=effective_to,
        bundled=False,
        source=path.name,
    )
    codes: list[HcpcsEntry] = []
    modifiers: list[ModifierInfo] = []
    known = bundled_modifiers()
    for rec in read_anweb(path):
        if rec.is_modifier:
            base = known.get(rec.code)
            info = ModifierInfo(
                code=rec.code,
                category=base.category if base else "other",
                description=rec.long or rec.short,
                source="HCPCS",
                side=base.side if base else None,
                ptp_bypass=base.ptp_bypass if base else False,
                effective=rec.added,
                terminated=rec.terminated,
            )
            if base is not None and base.source == "CPT":
                info = replace(base, effective=rec.added, terminated=rec.terminated)
            modifiers.append(info)
        else:
            codes.append(
                HcpcsEntry(
                    code=rec.code,
                    short_description=rec.short,
                    long_description=rec.long,
                    added=rec.added,
                    terminated=rec.terminated,
                    action=rec.action,
                    coverage=rec.coverage,
                )
            )
    if not codes and not modifiers:
        raise DataFileError(str(path), "no HCPCS codes or modifiers found")
    mod_version = DataVersion(
        kind="modifiers",
        label=f"Modifiers from {version.label}",
        effective_from=effective_from,
        bundled=False,
        source=path.name,
    )
    payload = {"codes": codes, "modifiers": ModifierSet(modifiers, mod_version)}
    stored = save_dataset(version, payload, rows=len(codes) + len(modifiers))
    return stored, HcpcsCodeSet(codes, version, complete=bool(codes))
