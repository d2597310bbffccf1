"""Import a user's licensed AMA CPT data file to extend or replace the starter codebook.

Accepted layouts (the AMA's data-file releases):

* "code then descriptor" text files such as ``LONGULT.txt``, ``MEDU.txt`` or ``SHORTU.txt``:
  each line is a 5-character code, a space or tab, and the descriptor;
* delimited files with a header (the AMA's ``*.txt``/``*.csv`` tab-delimited exports such as the
  clinician/consumer descriptor files): the code column is the one named ``CPT Code``,
  ``Code`` or ``HCPCS``; the descriptor column is the first of ``Long Descriptor``,
  ``Clinician Descriptor``, ``Descriptor``, ``Description``, ``Consumer Descriptor``,
  ``Medium Descriptor``, ``Short Descriptor``;
* agentkit's own codebook TSV layout (``cpt_codebook.tsv``).

``mode="extend"`` (default) keeps agentkit's codebook and adds the file's codes, replacing our
descriptions with the licensed text while keeping the indicators the edits need;
``mode="replace"`` uses the file alone. Text stays on the user's machine (the coding data
directory), never in the repository.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Literal

from agentkit.coding.claim import CPT_CLAIM_PATTERN
from agentkit.coding.codesets.cpt import CptCodebook, CptEntry, bundled_codebook, load_codebook
from agentkit.coding.datafile import open_text
from agentkit.coding.store import StoredDataset, save_dataset
from agentkit.coding.versions import DataVersion
from agentkit.errors import DataFileError

__all__ = ["import_ama_cpt", "read_ama_cpt"]

_CPT = re.compile(CPT_CLAIM_PATTERN)
_LINE = re.compile(r"^([0-9]{4}[0-9AFMTU])[\t ]+(.+)$")
_CODE_COLUMNS = ("cpt code", "cpt_code", "code", "hcpcs", "cpt")
_TEXT_COLUMNS = (
    "long descriptor",
    "clinician descriptor",
    "descriptor",
    "description",
    "consumer descriptor",
    "medium descriptor",
    "short descriptor",
)


def _section(code: str) -> str:
    if code.endswith("F"):
        return "Category II"
    if code.endswith("T"):
        return "Category III"
    if code.endswith(("M", "U")):
        return "Pathology/Lab"
    if code.endswith("A"):
        return "Medicine"
    n = int(code)
    if 99202 <= n <= 99499:
        return "E/M"
    if n < 2000:
        return "Anesthesia"
    if n < 70000:
        return "Surgery"
    if n < 80000:
        return "Radiology"
    if n < 90000:
        return "Pathology/Lab"
    return "Medicine"


def read_ama_cpt(path: Path) -> Iterator[CptEntry]:
    """CPT entries (code, licensed descriptor) from an AMA data file."""
    src = str(path)
    with open_text(path, encoding="utf-8-sig") as handle:
        try:
            lines = handle.read().splitlines()
        except UnicodeDecodeError:
            lines = []
    if not lines:
        with open_text(path, encoding="latin-1") as handle:
            lines = handle.read().splitlines()
    first = next((ln for ln in lines if ln.strip() and not ln.startswith("#")), "")
    if "\t" in first or "," in first:
        delimiter = "\t" if "\t" in first else ","
        header = [h.strip().lower() for h in next(csv.reader([first], delimiter=delimiter))]
        code_col = next((header.index(c) for c in _CODE_COLUMNS if c in header), None)
        text_col = next((header.index(c) for c in _TEXT_COLUMNS if c in header), None)
        if code_col is not None and text_col is not None:
            body = [ln for ln in lines[lines.index(first) + 1 :] if ln.strip()]
            seen: set[str] = set()
            for number, cells in enumerate(csv.reader(body, delimiter=delimiter), start=2):
                if max(code_col, text_col) >= len(cells):
                    continue
                code = cells[code_col].strip().upper()
                if not _CPT.match(code) or code in seen:
                    continue
                seen.add(code)
                text = " ".join(cells[text_col].split())
                if not text:
                    raise DataFileError(src, f"{code} has no descriptor", number)
                yield CptEntry(code=code, description=text, section=_section(code), source="ama")
            return
    found = False
    for line in lines:
        if not line.strip():
            continue
        m = _LINE.match(line.strip())
        if not m:
            continue
        code = m.group(1).upper()
        if not _CPT.match(code):
            continue
        found = True
        yield CptEntry(
            code=code,
            description=" ".join(m.group(2).split()),
            section=_section(code),
            source="ama",
        )
    if not found:
        raise DataFileError(
            src,
            "no CPT codes found: expected lines '<code> <descriptor>' (LONGULT.txt) or a "
            "delimited file with 'CPT Code' and a descriptor column",
        )


def import_ama_cpt(
    path: Path,
    *,
    mode: Literal["extend", "replace"] = "extend",
    label: str | None = None,
    year: int | None = None,
) -> tuple[StoredDataset, CptCodebook]:
    """Save a licensed CPT file in the coding data directory; returns the merged codebook."""
    if mode not in ("extend", "replace"):
        raise ValueError("mode must be 'extend' or 'replace'")
    if path.name.endswith(".tsv") and "codebook" in path.name:
        entries = list(load_codebook(path))
    else:
        entries = list(read_ama_cpt(path))
    m = re.search(r"(20\d{2})", path.name)
    year = year or (int(m.group(1)) if m else None)
    version = DataVersion(
        kind="cpt",
        label=label
        or (f"CPT {year} (AMA data file)" if year else f"CPT (AMA data file {path.name})"),
        effective_from=date(year, 1, 1) if year else None,
        effective_to=date(year, 12, 31) if year else None,
        bundled=False,
        source=path.name,
    )
    stored = save_dataset(version, {"entries": entries, "mode": mode}, rows=len(entries))
    merged = bundled_codebook().merged(entries, version, replace_all=mode == "replace")
    return stored, merged
