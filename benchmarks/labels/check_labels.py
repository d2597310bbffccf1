"""Check pool label files: structure, billable ICD-10-CM codes, and that no note text leaked in.

    python benchmarks/labels/check_labels.py [FILE ...]

A label file may live in the project only because it holds codes and the labeller's own words;
this check fails when a run of 7+ consecutive words of the labelled note appears in a rationale
(needs ../shared/data/mtsamples-pool.csv; the text check is skipped when the pool is absent).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import simple_icd_10_cm as icd

HERE = Path(__file__).resolve().parent
POOL = HERE.parent.parent.parent / "shared" / "data" / "mtsamples-pool.csv"
RUN = 7


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def check(path: Path, notes: dict[str, str] | None) -> list[str]:
    problems: list[str] = []
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        row = json.loads(line)
        if "note" in row:
            problems.append(f"{where}: holds note text; label files carry sample_id only")
        gold = row["gold"]
        codes = [c["code"] for c in gold["cpt"]]
        if any(len(c) != 5 for c in codes):
            problems.append(f"{where}: a CPT code is not 5 characters: {codes}")
        if gold["primary_cpt"] not in [*codes, ""] or (codes and not gold["primary_cpt"]):
            problems.append(f"{where}: primary_cpt {gold['primary_cpt']!r} not among {codes}")
        for code in gold["icd10cm"]:
            if not (icd.is_valid_item(code) and icd.is_leaf(code)):
                problems.append(f"{where}: {code} is not a billable ICD-10-CM code")
        if notes is not None:
            own = _words(f"{row.get('rationale', '')} {row.get('ambiguity_detail', '')}")
            leaked = _runs(own) & _runs(_words(notes[row["sample_id"]]))
            if leaked:
                problems.append(f"{where}: note text in the rationale: {' '.join(min(leaked))!r}")
    return problems


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(HERE.glob("*.jsonl"))
    notes = None
    if POOL.exists():
        csv.field_size_limit(10_000_000)
        with POOL.open(newline="", encoding="utf-8") as fh:
            notes = {r["sample_id"]: r["transcription"] for r in csv.DictReader(fh)}
    else:
        print(f"{POOL} absent: the note-text check is skipped")
    problems = [p for f in files for p in check(f, notes)]
    print("\n".join(problems) or f"{len(files)} file(s) OK")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
