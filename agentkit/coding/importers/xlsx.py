"""Read the rows of the first worksheet of an ``.xlsx`` file, as text, with the standard library.

CMS publishes several edit tables (add-on codes, MUEs, PTP) as spreadsheets. This reader covers
what those files use: shared strings, inline strings and numbers; no formulas are evaluated
(cached values are read) and styles are ignored, so a date stored as a spreadsheet serial
number comes back as that number.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

from agentkit.errors import DataFileError

__all__ = ["read_xlsx_rows"]

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_COL = re.compile(r"^([A-Z]+)")


def _col_index(ref: str) -> int:
    m = _COL.match(ref)
    if not m:
        return -1
    n = 0
    for ch in m.group(1):
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _first_sheet(z: zipfile.ZipFile) -> str:
    try:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return "xl/worksheets/sheet1.xml"
    sheet = wb.find(f"{_NS}sheets/{_NS}sheet")
    if sheet is None:
        return "xl/worksheets/sheet1.xml"
    rid = sheet.attrib.get(f"{_REL_NS}id")
    for rel in rels:
        if rel.attrib.get("Id") == rid:
            target = rel.attrib["Target"].lstrip("/")
            return target if target.startswith("xl/") else f"xl/{target}"
    return "xl/worksheets/sheet1.xml"


def _number(text: str) -> str:
    if text.endswith(".0"):
        return text[:-2]
    try:
        f = float(text)
    except ValueError:
        return text
    return str(int(f)) if f.is_integer() else text


def read_xlsx_rows(path: Path) -> Iterator[list[str]]:
    """Yield each row of the first worksheet as a list of strings (empty cells as "")."""
    try:
        z = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise DataFileError(str(path), f"not a readable .xlsx file: {exc}") from exc
    with z:
        shared: list[str] = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(f"{_NS}si"):
                shared.append("".join(t.text or "" for t in si.iter(f"{_NS}t")))
        with z.open(_first_sheet(z)) as fh:
            for _, el in ET.iterparse(fh):
                if el.tag != f"{_NS}row":
                    continue
                cells: dict[int, str] = {}
                for pos, c in enumerate(el.iter(f"{_NS}c")):
                    idx = _col_index(c.attrib.get("r", "")) if "r" in c.attrib else pos
                    kind = c.attrib.get("t", "")
                    if kind == "inlineStr":
                        value = "".join(t.text or "" for t in c.iter(f"{_NS}t"))
                    else:
                        v = c.find(f"{_NS}v")
                        raw = v.text or "" if v is not None else ""
                        if kind == "s" and raw:
                            value = shared[int(raw)]
                        elif kind in ("str", "b", "e"):
                            value = raw
                        else:
                            value = _number(raw) if raw else ""
                    cells[idx] = value
                el.clear()
                if cells:
                    width = max(cells) + 1
                    yield [cells.get(i, "") for i in range(width)]
