"""Read the CMS/NCHS ICD-10-CM tabular list (XML) and order file into a prepared index.

Inputs, exactly as CMS publishes them each fiscal year:

* ``icd10cm_tabular_<FY>.xml`` (or ``icd10cm-tabular-<FY>.xml``): the tabular list with every
  category, its descriptions, inclusion terms, Excludes1/Excludes2, code-first, use-additional
  and code-also notes and 7th-character definitions;
* ``icd10cm_order_<FY>.txt`` (fixed width: order number 1-5, code 7-13, billable flag 15
  (0 header, 1 billable), short title 17-76, long title 78-): the complete list of valid codes,
  including every 7th-character code.

With both files the index knows exactly which 7th-character codes exist; with the XML alone any
7th character the tabular defines is accepted; with the order file alone codes, titles and
billable flags are known but not the notes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from agentkit.coding.versions import DataVersion, fiscal_year_range
from agentkit.errors import DataFileError

__all__ = [
    "IcdIndexData",
    "build_index",
    "import_icd10cm",
    "parse_code_refs",
    "read_order_file",
]

#: The note kinds kept from the tabular (XML tag -> index key).
NOTE_TAGS = {
    "inclusionTerm": "inclusion",
    "includes": "includes",
    "excludes1": "excludes1",
    "excludes2": "excludes2",
    "codeFirst": "code_first",
    "useAdditionalCode": "use_additional",
    "codeAlso": "code_also",
    "notes": "notes",
}

_REF = re.compile(
    r"(?P<lo>[A-Z](?:[0-9]|A(?=[0-9]))[0-9A-Z](?:\.[0-9A-Z]*)?)"
    r"(?:\s*-\s*(?P<hi>[A-Z](?:[0-9]|A(?=[0-9]))[0-9A-Z](?:\.[0-9A-Z]*)?)|(?P<dash>-))?"
)
_PAREN = re.compile(r"\(([^()]*)\)")


def parse_code_refs(note: str) -> list[tuple[str, str]]:
    """Code references in an instructional note, as ``(low, high)`` undotted prefixes.

    ``"type 1 diabetes mellitus (E10.-)"`` -> ``[("E10", "E10")]``;
    ``"(A00-B99)"`` -> ``[("A00", "B99")]``; ``"(O24.4-)"`` -> ``[("O244", "O244")]``.
    A code matches a reference when its leading characters fall between low and high.
    """
    refs: list[tuple[str, str]] = []
    for group in _PAREN.findall(note):
        for m in _REF.finditer(group):
            lo = m.group("lo").replace(".", "")
            hi = (m.group("hi") or m.group("lo")).replace(".", "")
            refs.append((lo, hi))
    return refs


@dataclass
class IcdIndexData:
    """The prepared, pickle-friendly index (plain containers only)."""

    # undotted code or "chapter:N" / "section:A00-A09" -> (dotted, description, kind, parent)
    nodes: dict[str, tuple[str, str, str, str | None]]
    billable: set[str]  # codes (below 7 characters) that may be reported as they are
    children: dict[str, list[str]]
    notes: dict[str, dict[str, list[str]]]
    seven_defs: dict[str, dict[str, str]]  # node -> its own 7th-character definitions
    ext_allowed: dict[str, str] | None  # leaf -> 7th characters that exist (None: any defined)
    excludes1_refs: dict[str, list[tuple[str, str]]]
    has_notes: bool  # False when built from an order file alone
    order_titles: dict[str, str]  # 7th-character codes' long titles from the order file


def _text(el: ET.Element | None) -> str:
    return " ".join((el.text or "").split()) if el is not None else ""


def _walk(
    el: ET.Element,
    parent: str | None,
    data: IcdIndexData,
) -> None:
    tag = el.tag
    if tag == "chapter":
        key = f"chapter:{_text(el.find('name'))}"
        data.nodes[key] = (key, _text(el.find("desc")), "chapter", parent)
    elif tag == "section":
        key = f"section:{el.attrib.get('id', '')}"
        data.nodes[key] = (el.attrib.get("id", ""), _text(el.find("desc")), "section", parent)
    else:  # diag
        dotted = _text(el.find("name")).upper()
        key = dotted.replace(".", "")
        kind = "category" if len(key) == 3 else "subcategory"
        data.nodes[key] = (dotted, _text(el.find("desc")), kind, parent)
    if parent is not None:
        data.children.setdefault(parent, []).append(key)
    own_notes: dict[str, list[str]] = {}
    for child in el:
        if child.tag in NOTE_TAGS:
            texts = [_text(n) for n in child.iter("note") if _text(n)]
            if texts:
                own_notes.setdefault(NOTE_TAGS[child.tag], []).extend(texts)
        elif child.tag == "sevenChrDef":
            defs = {
                x.attrib["char"].upper(): _text(x)
                for x in child.iter("extension")
                if "char" in x.attrib
            }
            if defs:
                data.seven_defs[key] = defs
        elif child.tag == "sevenChrNote":
            texts = [_text(n) for n in child.iter("note") if _text(n)]
            if texts:
                own_notes.setdefault("seven_chr_note", []).extend(texts)
    if own_notes:
        data.notes[key] = own_notes
        refs = [r for n in own_notes.get("excludes1", []) for r in parse_code_refs(n)]
        if refs:
            data.excludes1_refs[key] = refs
    for child in el:
        if child.tag in ("section", "diag"):
            _walk(child, key, data)


def _seven_def_for(key: str, data: IcdIndexData) -> dict[str, str] | None:
    node: str | None = key
    while node is not None:
        if node in data.seven_defs:
            return data.seven_defs[node]
        node = data.nodes[node][3] if node in data.nodes else None
    return None


def _pad(key: str) -> str:
    return key + "X" * (6 - len(key))


def read_order_file(path: Path) -> Iterator[tuple[str, bool, str, str]]:
    """``(code, billable, short_title, long_title)`` per line of a CMS order file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(str(path), f"cannot be read: {exc.strerror or exc}") from exc
    text = (
        raw.decode("utf-8", errors="replace")
        if not raw.startswith(b"\xef\xbb\xbf")
        else raw[3:].decode()
    )
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if len(line) < 17 or not line[:5].strip().isdigit() or line[14] not in "01":
            raise DataFileError(
                str(path),
                "not the CMS ICD-10-CM order-file layout (order number in columns 1-5, code in "
                "7-13, billable flag 0/1 in 15, short title 17-76, long title from 78)",
                number,
            )
        code = line[6:13].strip().upper()
        yield code, line[14] == "1", line[16:76].strip(), line[77:].strip()


def build_index(
    tabular_xml: Path | None = None,
    order_file: Path | None = None,
    xml_text: str | None = None,
    confirmed_codes: Iterable[str] | None = None,
) -> IcdIndexData:
    """Build the prepared index from a tabular XML and/or an order file.

    ``confirmed_codes`` (undotted) may stand in for an order file (the simple-icd-10-cm package
    ships such a list).
    """
    data = IcdIndexData({}, set(), {}, {}, {}, None, {}, True, {})
    if tabular_xml is not None or xml_text is not None:
        try:
            if xml_text is not None:
                root = ET.fromstring(xml_text)
            else:
                assert tabular_xml is not None
                root = ET.parse(tabular_xml).getroot()
        except (ET.ParseError, OSError) as exc:
            raise DataFileError(
                str(tabular_xml or "<xml>"), f"not a readable tabular XML: {exc}"
            ) from exc
        if root.tag != "ICD10CM.tabular":
            raise DataFileError(
                str(tabular_xml or "<xml>"),
                f"root element is <{root.tag}>, expected <ICD10CM.tabular> (the CMS tabular list)",
            )
        for chapter in root.iter("chapter"):
            _walk(chapter, None, data)
    confirmed: set[str] | None = None
    if order_file is not None:
        confirmed = set()
        rows = list(read_order_file(order_file))
        if not data.nodes:
            data.has_notes = False
            for code, _billable, _short, long in rows:
                if len(code) == 7:
                    continue
                data.nodes[code] = (
                    _dot(code),
                    long,
                    "category" if len(code) == 3 else "subcategory",
                    None,
                )
            for code, _b, _s, _l in rows:
                parent = _order_parent(code, data.nodes)
                if parent and len(code) < 7:
                    old = data.nodes[code]
                    data.nodes[code] = (old[0], old[1], old[2], parent)
                    data.children.setdefault(parent, []).append(code)
        for code, billable, _short, long in rows:
            confirmed.add(code)
            if len(code) == 7:
                data.order_titles[code] = long
            elif billable and not data.has_notes:
                data.billable.add(code)
    elif confirmed_codes is not None:
        confirmed = {c.replace(".", "").upper() for c in confirmed_codes}
    # billable leaves, and which 7th characters exist for each leaf needing one
    if data.has_notes:
        allowed: dict[str, str] = {}
        for key, node in data.nodes.items():
            if node[2] in ("chapter", "section") or data.children.get(key):
                continue
            defs = _seven_def_for(key, data)
            if not defs:
                data.billable.add(key)
                continue
            chars = "".join(c for c in defs if confirmed is None or _pad(key) + c in confirmed)
            allowed[key] = chars
        data.ext_allowed = allowed
    elif confirmed is not None:
        allowed = {}
        for code in confirmed:
            if len(code) == 7:
                base = code[:6].rstrip("X") or code[:6]
                while len(base) > 3 and base not in data.nodes:
                    base = base[:-1]
                allowed[base] = allowed.get(base, "") + code[6]
        data.ext_allowed = allowed
    return data


def _dot(code: str) -> str:
    return code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"


def _order_parent(code: str, nodes: dict[str, Any]) -> str | None:
    for n in range(len(code) - 1, 2, -1):
        if code[:n] in nodes:
            return code[:n]
    return None


_FY = re.compile(r"(?:19|20)\d{2}")


def import_icd10cm(
    tabular_xml: Path | None = None,
    order_file: Path | None = None,
    *,
    fiscal_year: int | None = None,
    label: str | None = None,
    effective_from: date | None = None,
    effective_to: date | None = None,
) -> tuple[DataVersion, IcdIndexData]:
    """Parse another fiscal year's CMS files and save them in the coding data directory.

    The fiscal year is read from the file names (``icd10cm_tabular_2025.xml`` -> FY2025, in
    force 2024-10-01 to 2025-09-30) unless given.
    """
    from agentkit.coding.store import save_dataset

    if tabular_xml is None and order_file is None:
        raise DataFileError("<icd10cm>", "give the tabular XML, the order file, or both")
    if fiscal_year is None:
        for p in (tabular_xml, order_file):
            if p is not None:
                m = _FY.search(p.name)
                if m:
                    fiscal_year = int(m.group(0))
                    break
    if fiscal_year is None and (effective_from is None or label is None):
        raise DataFileError(
            str(tabular_xml or order_file),
            "cannot tell the fiscal year from the file name; pass fiscal_year (e.g. 2025)",
        )
    lo, hi = fiscal_year_range(fiscal_year) if fiscal_year else (effective_from, effective_to)
    version = DataVersion(
        kind="icd10cm",
        label=label or f"ICD-10-CM FY{fiscal_year}",
        effective_from=effective_from or lo,
        effective_to=effective_to or hi,
        bundled=False,
        source=", ".join(p.name for p in (tabular_xml, order_file) if p is not None),
    )
    data = build_index(tabular_xml, order_file)
    save_dataset(version, data, rows=len(data.nodes))
    return version, data
