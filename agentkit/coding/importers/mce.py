"""Import Medicare Code Editor (MCE) age, sex and manifestation lists for another fiscal year.

CMS publishes the MCE as the *Definitions of Medicare Code Edits* (PDF) with its code lists;
coders usually keep those lists as a table. Accepted: a TSV or CSV with a code column
(``code`` / ``icd10cm_code`` / ``ICD-10-CM``) and either an ``edit`` column using agentkit's
names (newborn, pediatric, maternity, adult, female, male, manifestation) or the MCE's own list
titles in a ``conflict_rule`` / ``edit`` column ("Perinatal/Newborn (Age 0 Only)", "Pediatric
(Ages 0-17)", "Maternity (Ages 9-64)", "Adult (Ages 15-124)", "Female Only", "Male Only",
"Manifestation (Not Allowed as Principal Diagnosis)").
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from agentkit.coding.claim import normalize_dx
from agentkit.coding.datafile import open_text
from agentkit.coding.edits.age_sex import MCE_EDITS, MceLists
from agentkit.coding.store import StoredDataset, save_dataset
from agentkit.coding.versions import DataVersion, fiscal_year_range
from agentkit.errors import DataFileError

__all__ = ["import_mce", "mce_edit_name"]

_TITLES = (
    ("newborn", "newborn"),
    ("perinatal", "newborn"),
    ("pediatric", "pediatric"),
    ("maternity", "maternity"),
    ("adult", "adult"),
    ("female", "female"),
    ("male", "male"),
    ("manifestation", "manifestation"),
)


def mce_edit_name(text: str) -> str | None:
    """``"Female Only"`` -> ``female``; ``"Maternity (Ages 9-64)"`` -> ``maternity``."""
    low = text.strip().lower()
    if low in MCE_EDITS:
        return low
    for needle, name in _TITLES:
        if needle in low:
            return name
    return None


def import_mce(
    path: Path, *, fiscal_year: int | None = None, label: str | None = None
) -> tuple[StoredDataset, MceLists]:
    src = str(path)
    with open_text(path) as handle:
        lines = [ln for ln in handle if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise DataFileError(src, "file is empty")
    delimiter = "\t" if lines[0].count("\t") >= lines[0].count(",") else ","
    rows = list(csv.reader(lines, delimiter=delimiter))
    header = [h.strip().lower() for h in rows[0]]
    code_col = next(
        (header.index(c) for c in ("code", "icd10cm_code", "icd-10-cm", "icd10") if c in header),
        None,
    )
    edit_col = next(
        (header.index(c) for c in ("edit", "conflict_rule", "list", "rule") if c in header), None
    )
    if code_col is None or edit_col is None:
        raise DataFileError(
            src,
            "header needs a code column (code / icd10cm_code) and an edit column "
            "(edit / conflict_rule)",
            1,
        )
    by_code: dict[str, set[str]] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if len(cells) <= max(code_col, edit_col):
            raise DataFileError(src, "row is shorter than the header", number)
        name = mce_edit_name(cells[edit_col])
        if name is None:
            raise DataFileError(src, f"unknown MCE list {cells[edit_col]!r}", number)
        by_code.setdefault(normalize_dx(cells[code_col]), set()).add(name)
    if fiscal_year is None:
        m = re.search(r"(?:FY|fy)?(20\d{2})", path.name)
        fiscal_year = int(m.group(1)) if m else None
    if fiscal_year is None:
        raise DataFileError(src, "cannot tell the fiscal year from the file name; pass fiscal_year")
    lo, hi = fiscal_year_range(fiscal_year)
    version = DataVersion(
        "mce",
        label or f"Medicare Code Editor FY{fiscal_year}",
        lo,
        hi,
        bundled=False,
        source=path.name,
    )
    payload = {k: frozenset(v) for k, v in by_code.items()}
    stored = save_dataset(version, payload, rows=len(payload))
    return stored, MceLists(payload, version)
