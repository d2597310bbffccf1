"""Draw pool notes for a new blind label set: a seeded, stratified sample.

    python benchmarks/labels/draw_sample.py --seed 20261202 [--procedures 40 --visits 4 ...]

Prints ``sample_id``, bucket and pool specialty, one note per line. Notes of 1.5-9 KB only
(``--min-bytes`` lowers the floor once the longer notes are used up); the devset's notes and
every note of the label files here are left out, so a new set never repeats an old one, and
``--exclude FILE`` also leaves out the ids it lists (notes a rule writer has read, so the set
stays blind). Procedure notes (a PROCEDURE/OPERATION heading) are spread over the pool's
specialties in proportion to their share of such notes; radiology reports have an
EXAM/STUDY/TECHNIQUE heading and an impression; visits are consult, progress, office and
emergency notes with no procedure heading. ``--operative`` and ``--reports`` draw from the notes
left over: those whose text tells an operation (prepped and draped, an incision, a scope passed)
and those whose title names a study. Hand the ids to labellers who never see the coder's
output, measure once, then open the set for development (README.md).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent.parent / "shared" / "data"
_PROC = re.compile(
    r"^\s*(?:NAME OF |TITLE OF )?(?:PROCEDURES?|OPERATIONS?)(?: PERFORMED| DONE)?\s*:", re.M
)
_RAD = re.compile(r"^\s*(?:EXAM(?:INATION)?|STUDY|TECHNIQUE)\s*:", re.M)
_IMPRESSION = re.compile(r"^\s*IMPRESSION", re.M)
# notes with none of those headings that still tell an operation or read a study
_OPERATIVE = re.compile(
    r"prepped and draped|was prepped|sterile fashion|incision was made|"
    r"scope was (?:passed|advanced|introduced|inserted)|needle was (?:advanced|inserted|placed)|"
    r"placed in the (?:supine|prone|lithotomy) position",
    re.I,
)
_STUDY = re.compile(
    r"\b(?:MRI|MRA|CTA?|ultrasound|sonogram|x-rays?|echo\w*|stress|EMG|nerve conduction|EEG|holter|"
    r"pulmonary function|PFTs?|angiogra\w*|arteriogra\w*|venogra\w*|doppler|duplex|myoview|scan|"
    r"stud(?:y|ies)|mammogra\w*|radiograph\w*|barium|swallow|polysomnogra\w*|sleep)\b",
    re.I,
)
_VISITS = {
    "Consult - History and Phy.",
    "SOAP / Chart / Progress Notes",
    "Office Notes",
    "Emergency Room Reports",
}
# not one patient's billable service, or not coded with CPT by the dictating clinician
_SKIPPED = {
    "Autopsy",
    "Letters",
    "Lab Medicine - Pathology",
    "Diets and Nutritions",
    "Speech - Language",
    "Discharge Summary",
    "IME-QME-Work Comp etc.",
}


def _used_ids() -> set[str]:
    used: set[str] = set()
    devset = SHARED / "devset" / "cases.jsonl"
    if devset.exists():
        for line in devset.read_text().splitlines():
            src = json.loads(line)["source"]["row_or_sample_name"]
            m = re.search(r"sample id (\d+)", src)
            if m:
                used.add(m.group(1))
    for path in HERE.glob("*.jsonl"):
        used.update(json.loads(x)["sample_id"] for x in path.read_text().splitlines() if x.strip())
    return used


def draw(
    pool: Path,
    seed: int,
    procedures: int,
    radiology: int,
    visits: int,
    exclude: frozenset[str] = frozenset(),
    min_bytes: int = 1500,
    operative: int = 0,
    reports: int = 0,
) -> list[tuple[str, str, str]]:
    csv.field_size_limit(10_000_000)
    with pool.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    used = _used_ids() | exclude
    seen: set[str] = set()
    proc: dict[str, list[str]] = defaultdict(list)
    rad: list[str] = []
    visit: list[str] = []
    op: list[str] = []
    study: list[str] = []
    specialty = {r["sample_id"]: r["medical_specialty"] for r in rows}
    for r in rows:
        sid, text = r["sample_id"], r["transcription"]
        size = len(text.encode())
        if sid in used or sid in seen or not min_bytes <= size <= 9000:
            continue
        if r["medical_specialty"] in _SKIPPED:
            continue
        seen.add(sid)
        if _PROC.search(text):
            proc[r["medical_specialty"]].append(sid)
        elif _RAD.search(text) and _IMPRESSION.search(text):
            rad.append(sid)
        elif r["medical_specialty"] in _VISITS:
            visit.append(sid)
        elif _OPERATIVE.search(text):
            op.append(sid)
        elif _STUDY.search(r["sample_name"]):
            study.append(sid)
    rng = random.Random(seed)
    total = sum(len(v) for v in proc.values()) or 1
    quota = {s: max(1, round(procedures * len(v) / total)) for s, v in proc.items() if len(v) >= 3}
    while sum(quota.values()) > procedures:
        quota[max(quota, key=lambda k: quota[k])] -= 1
    quota = {s: min(q, len(proc[s])) for s, q in quota.items()}
    while sum(quota.values()) < min(procedures, sum(len(proc[s]) for s in quota)):
        quota[max(quota, key=lambda k: len(proc[k]) / quota[k])] += 1
    picked = [
        (sid, "procedure") for s in sorted(quota) for sid in rng.sample(sorted(proc[s]), quota[s])
    ]
    picked += [(sid, "radiology") for sid in rng.sample(sorted(rad), min(radiology, len(rad)))]
    picked += [(sid, "visit") for sid in rng.sample(sorted(visit), min(visits, len(visit)))]
    if operative or reports:  # drawn last, so the draws of earlier seeds stay as they were
        picked += [(sid, "operative") for sid in rng.sample(sorted(op), min(operative, len(op)))]
        picked += [(sid, "report") for sid in rng.sample(sorted(study), min(reports, len(study)))]
    rng.shuffle(picked)
    return [(sid, bucket, specialty[sid]) for sid, bucket in picked]


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--procedures", type=int, default=40)
    ap.add_argument("--radiology", type=int, default=4)
    ap.add_argument("--visits", type=int, default=4)
    ap.add_argument("--pool", type=Path, default=SHARED / "mtsamples-pool.csv")
    ap.add_argument(
        "--exclude",
        type=Path,
        help="file of sample_ids to leave out (e.g. every note a rule writer has read)",
    )
    ap.add_argument(
        "--min-bytes",
        type=int,
        default=1500,
        help="shortest note drawn (1500 by default; lower it once the longer notes are used up)",
    )
    ap.add_argument(
        "--operative",
        type=int,
        default=0,
        help="notes with none of the headings above whose text tells an operation",
    )
    ap.add_argument(
        "--reports",
        type=int,
        default=0,
        help="other notes whose title names a study (imaging, echo, EMG, EEG, stress test ...)",
    )
    args = ap.parse_args()
    exclude = frozenset(args.exclude.read_text().split()) if args.exclude else frozenset()
    if not args.pool.exists():
        print(f"{args.pool} absent: the pool is needed to draw notes")
        return 1
    for sid, bucket, spec in draw(
        args.pool,
        args.seed,
        args.procedures,
        args.radiology,
        args.visits,
        exclude,
        args.min_bytes,
        args.operative,
        args.reports,
    ):
        print(sid, bucket, spec, sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
