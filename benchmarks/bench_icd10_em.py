"""Accuracy and speed of the offline ICD-10-CM coder and E/M leveler on real notes.

    python benchmarks/bench_icd10_em.py [--cases PATH] [--pool PATH] [--verbose]

Accuracy (labeled cases, default ../shared/data/devset/cases.jsonl): ICD-10-CM micro
precision / recall / F1 (codes compared as a set per note), first-listed agreement, a
per-specialty table, and E/M code accuracy on the cases whose gold CPT holds an E/M code.
Speed: the load time of the diagnosis knowledge in a fresh process, milliseconds per note for
the diagnosis coder and the E/M leveler over 3-5 KB real notes (../shared/data/mtsamples-pool.csv,
read at run time and never stored) and a 1 MB note. When the shared data is absent the
benchmark says so and uses synthetic notes for speed.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
DEFAULT_CASES = SHARED / "devset" / "cases.jsonl"
DEFAULT_POOL = SHARED / "mtsamples-pool.csv"
_EM_PREFIXES = ("992", "993", "994")


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def accuracy(cases_path: Path, verbose: bool) -> None:
    from agentkit.coding.engine import analyze
    from agentkit.coding.engine.em import level_visit
    from agentkit.coding.engine.icd10 import code_diagnoses

    cases = [json.loads(x) for x in cases_path.read_text().splitlines() if x.strip()]
    total: Counter[str] = Counter()
    by_spec: dict[str, Counter[str]] = defaultdict(Counter)
    em_total = em_ok = 0
    for case in cases:
        doc = analyze(case["note"])
        pred = [d["code"] for d in code_diagnoses(doc)]
        gold = list(case["gold"]["icd10cm"])
        tp = len(set(pred) & set(gold))
        row = Counter(
            tp=tp,
            fp=len(set(pred)) - tp,
            fn=len(set(gold)) - tp,
            first=int(bool(pred) and pred[0] == gold[0]),
            n=1,
        )
        total.update(row)
        by_spec[case["specialty"]].update(row)
        gold_em = [c["code"] for c in case["gold"]["cpt"] if c["code"].startswith(_EM_PREFIXES)]
        if gold_em:
            em_total += 1
            out: dict[str, Any] | None = level_visit(doc)
            got = out["code"] if out else None
            em_ok += got == gold_em[0]
            if verbose:
                print(f"  E/M {case['id']}: predicted {got}, gold {gold_em[0]}")
        if verbose and set(pred) != set(gold):
            print(f"  {case['id']:8} {case['specialty'][:24]:24} pred={pred} gold={gold}")
    p, r, f = _prf(total["tp"], total["fp"], total["fn"])
    print(f"\nCases: {len(cases)} from {cases_path}")
    print(
        f"ICD-10-CM micro P={p:.3f} R={r:.3f} F1={f:.3f} "
        f"(tp={total['tp']} fp={total['fp']} fn={total['fn']})"
    )
    print(f"First-listed diagnosis agreement: {total['first'] / len(cases):.3f}")
    if em_total:
        print(f"E/M code accuracy on visit cases: {em_ok}/{em_total} = {em_ok / em_total:.3f}")
    print("\nPer specialty                    n     P      R      F1")
    for name in sorted(by_spec):
        c = by_spec[name]
        sp, sr, sf = _prf(c["tp"], c["fp"], c["fn"])
        print(f"  {name[:30]:30} {c['n']:3}  {sp:.3f}  {sr:.3f}  {sf:.3f}")


def _speed_notes(pool: Path | None) -> tuple[list[str], str]:
    if pool is not None and pool.exists():
        csv.field_size_limit(10_000_000)
        with pool.open(newline="", encoding="utf-8") as fh:
            notes = [
                r["transcription"]
                for r in csv.DictReader(fh)
                if 3000 <= len(r["transcription"].encode("utf-8")) <= 5000
            ]
        return notes, f"{len(notes)} real notes of 3-5 KB from {pool.name}"
    note = (
        "CHIEF COMPLAINT: Follow up.\nHISTORY OF PRESENT ILLNESS: The patient returns for "
        "follow up of hypertension and diabetes.\nASSESSMENT:\n1. Hypertension, stable.\n"
        "2. Type 2 diabetes mellitus with chronic kidney disease stage 3.\nPLAN: Continue "
        "lisinopril 10 mg daily. Hemoglobin A1c and basic metabolic panel ordered.\n"
    ) * 12
    return [note[:4000]] * 200, "200 synthetic 4 KB notes (shared data absent)"


def speed(pool: Path | None) -> None:
    load = (
        "import time; t=time.perf_counter();"
        "from agentkit.coding.engine import analyze;"
        "from agentkit.coding.engine.icd10 import code_diagnoses;"
        "from agentkit.coding.engine.em import level_visit;"
        "d=analyze('ASSESSMENT: Hypertension. Hemoperitoneum.\\nPLAN: Continue lisinopril.');"
        "code_diagnoses(d); level_visit(d); print(time.perf_counter()-t)"
    )
    done = subprocess.run([sys.executable, "-c", load], capture_output=True, text=True, check=True)
    print(
        f"\nDiagnosis + E/M knowledge load (fresh process, first note): {float(done.stdout):.3f} s"
    )
    from agentkit.coding.engine import analyze
    from agentkit.coding.engine.em import level_visit
    from agentkit.coding.engine.icd10 import code_diagnoses

    notes, what = _speed_notes(pool)
    docs = [analyze(n) for n in notes]
    for d in docs[:20]:
        code_diagnoses(d)
        level_visit(d)
    t = time.perf_counter()
    for d in docs:
        code_diagnoses(d)
    icd_ms = (time.perf_counter() - t) / len(docs) * 1000
    t = time.perf_counter()
    for d in docs:
        level_visit(d)
    em_ms = (time.perf_counter() - t) / len(docs) * 1000
    print(
        f"ICD-10-CM coder: {icd_ms:.2f} ms per note; E/M leveler: {em_ms:.2f} ms per note ({what})"
    )
    big = ((notes[0] + "\n") * (1_000_000 // (len(notes[0]) + 1) + 1))[:1_000_000]
    doc = analyze(big)
    t = time.perf_counter()
    code_diagnoses(doc)
    level_visit(doc)
    print(f"1 MB note (diagnoses + E/M, text already analysed): {time.perf_counter() - t:.2f} s")


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    ap.add_argument("--pool", type=Path, default=DEFAULT_POOL)
    ap.add_argument("--verbose", "-v", action="store_true", help="list the cases with errors")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    if args.cases.exists():
        accuracy(args.cases, args.verbose)
    else:
        print(
            f"No labeled cases at {args.cases}: accuracy skipped (the devset lives in ../shared)."
        )
    if not args.no_speed:
        speed(args.pool if args.pool.exists() else None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
