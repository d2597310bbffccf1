"""Accuracy and speed of the offline coder (the ``local`` provider) on real notes.

    python benchmarks/bench_offline_coder.py [--cases P] [--labels P ...] [--pool P] [--verbose]

Accuracy: runs ``code_cpt`` over labeled cases (default: ../shared/data/devset/cases.jsonl, the
40 real transcribed notes with gold codes) and prints CPT micro precision/recall/F1 (a line
matches a gold line on its code), modifier agreement on matched lines, primary-procedure
accuracy, ICD-10-CM micro precision/recall/F1 (sets per note) and a per-specialty table.
Then the same figures for each pool label file in ``benchmarks/labels/`` (gold codes for pool
notes, labelled blind - the labellers never saw the coder's output; codes and sample ids only,
the notes are read from the pool at run time; see benchmarks/labels/README.md).

Speed: notes per second on one core over 3-5 KB notes (real notes from
../shared/data/mtsamples-pool.csv, read at run time and never stored), the time to load the
rules and coding knowledge, and the time for 0.5 and 1 MB notes (an operative note and a visit,
each repeated). When the shared data is absent the benchmark says so and measures speed on
synthetic notes.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
DEFAULT_CASES = SHARED / "devset" / "cases.jsonl"
DEFAULT_POOL = SHARED / "mtsamples-pool.csv"
LABELS = Path(__file__).resolve().parent / "labels"


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _pool_texts(pool: Path) -> dict[str, str]:
    csv.field_size_limit(10_000_000)
    with pool.open(newline="", encoding="utf-8") as fh:
        return {r["sample_id"]: r["transcription"] for r in csv.DictReader(fh)}


def _load_cases(path: Path, pool: Path = DEFAULT_POOL) -> list[dict[str, Any]]:
    """Devset-style cases carry their note; label files carry a pool ``sample_id`` instead.

    Label files (``benchmarks/labels/*.jsonl``) hold codes only, never note text, so they can
    live in the project; their notes are read from the pool at run time. Lines marked
    ``excluded`` (not a billable service, or coding that hangs on missing facts) are skipped.
    """
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    rows = [r for r in rows if not r.get("excluded")]
    if any("note" not in r for r in rows):
        if not pool.exists():
            print(f"\n{path.name}: the pool notes ({pool}) are absent; skipped.")
            return []
        texts = _pool_texts(pool)
        for r in rows:
            if "note" not in r:
                r["note"] = texts[r["sample_id"]]
                r.setdefault("id", f"pool-{r['sample_id']}")
    return rows


def accuracy(cases_path: Path, verbose: bool, pool: Path = DEFAULT_POOL) -> dict[str, Any]:
    from agentkit.coding.engine.coder import code_cpt

    cases = _load_cases(cases_path, pool)
    if not cases:
        return {}
    tot: Counter[str] = Counter()
    spec: dict[str, Counter[str]] = defaultdict(Counter)
    for case in cases:
        out = code_cpt(case["note"])
        pred = [p["code"] for p in out["procedures"]]
        gold_lines = case["gold"]["cpt"]
        gold = [g["code"] for g in gold_lines]
        remaining = Counter(gold)
        tp = 0
        mods_ok = 0
        for p in out["procedures"]:
            if remaining[p["code"]] > 0:
                remaining[p["code"]] -= 1
                tp += 1
                g = next(g for g in gold_lines if g["code"] == p["code"])
                mods_ok += sorted(g.get("modifiers", [])) == sorted(p["modifiers"])
        fp = len(pred) - tp
        fn = len(gold) - tp
        primary_ok = bool(pred) and pred[0] == case["gold"]["primary_cpt"]
        gold_icd = set(case["gold"]["icd10cm"])
        pred_icd = {d["code"] for d in out["diagnoses"]}
        itp = len(gold_icd & pred_icd)
        row = Counter(
            tp=tp,
            fp=fp,
            fn=fn,
            mods_ok=mods_ok,
            primary=int(primary_ok),
            n=1,
            itp=itp,
            ifp=len(pred_icd) - itp,
            ifn=len(gold_icd) - itp,
        )
        tot.update(row)
        spec[case["specialty"]].update(row)
        if verbose and (fp or fn or not primary_ok or mods_ok < tp):
            shown = [
                p["code"] + ("-" + "-".join(p["modifiers"]) if p["modifiers"] else "")
                for p in out["procedures"]
            ]
            want = [
                g["code"] + ("-" + "-".join(g.get("modifiers", [])) if g.get("modifiers") else "")
                for g in gold_lines
            ]
            print(f"  {case['id']:8} {case['specialty'][:22]:22} pred={shown} gold={want}")
    p, r, f = _prf(tot["tp"], tot["fp"], tot["fn"])
    ip, ir, iff = _prf(tot["itp"], tot["ifp"], tot["ifn"])
    print(f"\nCases: {len(cases)} from {cases_path}")
    counts = f"tp={tot['tp']} fp={tot['fp']} fn={tot['fn']}"
    print(f"CPT micro   P={p:.3f} R={r:.3f} F1={f:.3f}  ({counts})")
    mod_acc = tot["mods_ok"] / tot["tp"] if tot["tp"] else 0.0
    print(f"Modifier agreement on matched CPT lines: {mod_acc:.3f} ({tot['mods_ok']}/{tot['tp']})")
    n = len(cases)
    print(f"Primary-procedure accuracy: {tot['primary'] / n:.3f} ({tot['primary']}/{n})")
    icounts = f"tp={tot['itp']} fp={tot['ifp']} fn={tot['ifn']}"
    print(f"ICD-10-CM micro P={ip:.3f} R={ir:.3f} F1={iff:.3f}  ({icounts})")
    print("\nPer specialty                  n   CPT-F1  primary  ICD-F1")
    for name in sorted(spec):
        c = spec[name]
        _, _, sf = _prf(c["tp"], c["fp"], c["fn"])
        _, _, si = _prf(c["itp"], c["ifp"], c["ifn"])
        print(f"  {name[:28]:28} {c['n']:3}   {sf:.3f}   {c['primary'] / c['n']:.3f}    {si:.3f}")
    return {"cpt_f1": f, "primary": tot["primary"] / len(cases), "icd_f1": iff}


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
    base = (
        "PREOPERATIVE DIAGNOSIS: Symptomatic cholelithiasis.\nPROCEDURE PERFORMED: Laparoscopic "
        "cholecystectomy.\nDESCRIPTION OF PROCEDURE: The patient was placed supine. Ports were "
        "placed and the gallbladder was dissected from the liver bed without complication. "
    )
    note = (base * 12)[:4000]
    return [note] * 200, "200 synthetic 4 KB notes (shared data absent)"


def speed(pool: Path | None) -> None:
    import subprocess

    load_code = (
        "import time; t=time.perf_counter();"
        "from agentkit.coding.engine.cpt.ruleset import bundled_ruleset; bundled_ruleset();"
        "from agentkit.coding.engine.cpt.knowledge_view import knowledge_view;"
        "from agentkit.coding.engine.coder import code_cpt; code_cpt('Colonoscopy with biopsy.');"
        "print(time.perf_counter()-t)"
    )
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as cold_dir:
        env = {**os.environ, "AGENTKIT_CACHE_DIR": cold_dir}
        # a user's interpreter keeps compiled bytecode (pip writes it at install, Python on
        # first import); a shell that forbids it (PYTHONDONTWRITEBYTECODE, set on some CI
        # hosts) would make every start-up compile agentkit's modules again
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cold = subprocess.run(
            [sys.executable, "-c", load_code], capture_output=True, text=True, check=True, env=env
        )
        warm = subprocess.run(
            [sys.executable, "-c", load_code], capture_output=True, text=True, check=True, env=env
        )
    print(
        "\nKnowledge + rules load, fresh process incl. imports and the first note coded: "
        f"{float(warm.stdout):.3f} s "
        f"(first run ever, compiling the rules: {float(cold.stdout):.3f} s)"
    )
    from agentkit.coding.engine.coder import code_cpt

    notes, what = _speed_notes(pool)
    for n in notes[:20]:
        code_cpt(n)
    t, cpu = time.perf_counter(), time.process_time()
    for n in notes:
        code_cpt(n)
    dt, dcpu = time.perf_counter() - t, time.process_time() - cpu
    # the coder is single-threaded: CPU time is the work done on one core, and wall time adds
    # whatever else the host ran meanwhile (on a shared host, the two differ by 5-20%)
    print(
        f"Throughput: {len(notes) / dt:.1f} notes/s on one core, wall clock; "
        f"{len(notes) / dcpu:.1f} notes/s in CPU time ({what})"
    )
    # one note repeated to 0.5 and 1 MB: twice the text should take about twice the time.
    # A visit note too, whose diagnoses repeat in every copy: the diagnosis reader and the
    # E/M leveler look across a note's mentions, where a quadratic loop would show.
    visit = next((n for n in notes if _is_visit(n)), None)
    for name, base in (("note", notes[0]), ("visit note", visit)):
        if base is None:
            continue
        for size in (500_000, 1_000_000):
            big = ((base + "\n") * (size // (len(base) + 1) + 1))[:size]
            t = time.perf_counter()
            code_cpt(big)
            print(f"{size / 1_000_000:g} MB {name}: {time.perf_counter() - t:.2f} s")


def _is_visit(note: str) -> bool:
    """A visit note: an assessment or impression and a plan, no procedure heading."""
    upper = note.upper()
    return (
        ("ASSESSMENT" in upper or "IMPRESSION" in upper)
        and "PLAN" in upper
        and "PROCEDURE" not in upper
        and "OPERATION" not in upper
    )


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    ap.add_argument(
        "--labels",
        type=Path,
        nargs="*",
        default=sorted(LABELS.glob("*.jsonl")),
        help="pool label files (codes by sample_id); default: every benchmarks/labels/*.jsonl",
    )
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
    for labels in args.labels:
        accuracy(labels, args.verbose, args.pool)
    if not args.no_speed:
        speed(args.pool if args.pool.exists() else None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
