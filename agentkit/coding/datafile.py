"""Reading the tab-separated data files coders and maintainers edit (plain or gzipped).

Every bundled table (codebook, modifiers, edit subsets) is a TSV with a header line, so a
coder can open it in a spreadsheet. Lines starting with ``#`` are comments. A malformed row is a
:class:`~agentkit.errors.DataFileError` naming the file and line, never a bare traceback.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO

from agentkit.errors import DataFileError

__all__ = [
    "DATA_DIR",
    "bundled",
    "open_text",
    "parse_date",
    "read_tsv",
    "write_tsv",
]

DATA_DIR = Path(__file__).resolve().parent / "data"


def bundled(name: str) -> Path:
    """Path of a data file shipped inside the package (``agentkit/coding/data/<name>``)."""
    return DATA_DIR / name


def open_text(path: Path, encoding: str = "utf-8") -> IO[str]:
    """Open a text file, transparently gunzipping ``*.gz``."""
    try:
        if path.suffix == ".gz":
            return io.TextIOWrapper(gzip.open(path, "rb"), encoding=encoding, newline="")
        return open(path, encoding=encoding, newline="")
    except OSError as exc:
        raise DataFileError(str(path), f"cannot be read: {exc.strerror or exc}") from exc


def read_tsv(
    path: Path, required: Sequence[str] = (), encoding: str = "utf-8"
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for each data row; ``row`` maps header -> stripped text.

    ``required`` columns must be in the header, so a renamed column fails loudly with the fix.
    """
    with open_text(path, encoding) as handle:
        header: list[str] | None = None
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in required if c not in header]
                if missing:
                    raise DataFileError(
                        str(path),
                        f"header lacks column(s) {', '.join(missing)}; "
                        f"expected at least: {', '.join(required)}",
                        number,
                    )
                continue
            if len(cells) > len(header):
                raise DataFileError(
                    str(path),
                    f"row has {len(cells)} cells but the header has {len(header)} columns "
                    "(a stray tab?)",
                    number,
                )
            cells += [""] * (len(header) - len(cells))
            # (built in C: the bundled edit tables are tens of thousands of rows read at start-up)
            yield number, dict(zip(header, map(str.strip, cells), strict=True))
        if header is None:
            raise DataFileError(str(path), "file is empty (no header line)")


def write_tsv(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[str]], comment: str = ""
) -> None:
    """Write a TSV (gzipped, reproducibly, when the name ends in ``.gz``)."""
    lines: list[str] = []
    if comment:
        lines.extend(f"# {c}".rstrip() for c in comment.splitlines())
    lines.append("\t".join(header))
    for row in rows:
        for cell in row:
            if "\t" in cell or "\n" in cell:
                raise ValueError(f"cell {cell!r} contains a tab or newline")
        lines.append("\t".join(row))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        with (
            open(path, "wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
        ):
            gz.write(data)
    else:
        path.write_bytes(data)


def parse_date(text: str, *, source: str = "", line: int | None = None) -> date | None:
    """Dates as CMS writes them: ``YYYYMMDD``, ``YYYY-MM-DD``, ``MM/DD/YYYY``, Julian ``YYYYDDD``.

    Blank, ``*`` and ``0`` mean "no date" and return None.
    """
    t = text.strip().strip('"')
    if t in ("", "*", "0", "00000000"):
        return None
    try:
        if len(t) == 8 and t.isdigit():
            return date(int(t[:4]), int(t[4:6]), int(t[6:]))
        if len(t) == 10 and t[4] == "-" and t[7] == "-":
            return date.fromisoformat(t)
        if "/" in t:
            m, d, y = (int(p) for p in t.split("/"))
            return date(y + 2000 if y < 100 else y, m, d)
        if len(t) == 7 and t.isdigit():  # Julian: year + day of year (the AOC file)
            return date.fromordinal(date(int(t[:4]), 1, 1).toordinal() + int(t[4:]) - 1)
    except ValueError:
        pass
    raise DataFileError(
        source or "<data>",
        f"{text!r} is not a date (expected YYYYMMDD, YYYY-MM-DD, MM/DD/YYYY or '*')",
        line,
    )
