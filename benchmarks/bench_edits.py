"""Benchmark the NCCI edit tables at full CMS size: import, memory, load, check latency.

    /work/venv/bin/python benchmarks/bench_edits.py [--rows 2546017] [--iterations 20000]

1. Generates a synthetic practitioner PTP release in the exact CMS text layout (four files
   ``ccipra-v752r0-f1..f4.txt``, release 75.2 = 2069 Q3: AMA line, title, wrapped four-line
   header, tab-separated rows),
   about 2.5 million rows over ~12,800 column-1 codes drawn from the real code numbers of the
   bundled fee-schedule file, with the real subset's rows mixed in so real pairs still fire; and a
   full-size MUE CSV in the CMS layout (quoted multi-line AMA notice, wrapped header).
2. Imports both with the real importers (time, peak resident memory) in a child process.
3. In a fresh child process, loads them from the prepared index (time, resident memory) and
   times the PTP + MUE checks, and the whole scrubber, on a realistic 10-code claim.

Goals (issue 4): load < 3 s, check p50 < 100 us. Nothing here needs /work/shared: the code
numbers and the real edit rows come from the data bundled in the package.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: A typical busy 10-line office claim (an E/M with an injection, imaging, labs, a drug) and a
#: dense worst case where almost every pair is an NCCI edit (18 PTP findings).
CLAIMS = {
    "typical": "99214-25, 20610-RT, 73562, 85025, 80053, 36415, 93000, 71046, J1100x4, 96372",
    "dense": "47562, 49320, 47563, 44970, 43239, 43235, 45380, 20610, 99213-25, 11045x2",
}
RATIONALES = [
    "Misuse of Column Two code with Column One code",
    "CPT Manual or CMS manual coding instruction",
    "Standards of medical/surgical practice",
    "HCPCS/CPT procedure code definition",
    "Mutually exclusive procedures",
    "More extensive procedure",
    "CPT Separate procedure definition",
    "Anesthesia service included in surgical procedure",
    "Standard preparation/monitoring services for anesthesia",
    "Laboratory panel",
    "Misuse of column two code with column one code",
    "Gender-specific procedures",
]


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------------------ generation


def generate(folder: Path, rows: int, seed: int = 7) -> dict[str, object]:
    from agentkit.coding.codesets.fee_schedule import bundled_fee_schedule
    from agentkit.coding.datafile import bundled
    from agentkit.coding.importers.ncci_ptp import read_ptp_tsv

    rng = random.Random(seed)
    codes = sorted(
        c for c in (i.code for i in _all_indicators(bundled_fee_schedule())) if len(c) == 5
    )
    real: dict[tuple[str, str], list[str]] = {}
    for c1, c2, pre, eff, dele, ind, why in read_ptp_tsv(bundled("ncci_ptp_practitioner.tsv.gz")):
        line = "\t".join(
            [
                c1,
                c2,
                "*" if pre else "",
                eff.strftime("%Y%m%d") if eff else "19960101",
                dele.strftime("%Y%m%d") if dele else "*",
                str(ind),
                why,
            ]
        )
        real.setdefault((c1, c2), []).append(line)
    real_col1 = {c1 for c1, _ in real}
    n_col1 = 12828
    col1_codes = sorted(set(rng.sample(codes, min(n_col1, len(codes)))) | real_col1)
    per_col1 = max(1, rows // len(col1_codes))
    header = [
        "CPT only copyright 2025 American Medical Association.  All rights reserved.\t\t\t\t\t\t",
        "Column1/Column2 Edits\t\t\t\t\t\t",
        "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale",
        "\t\tprior to 1996\tDate\tDate\t0=not allowed\t",
        "\t\t\t\t*=no data\t1=allowed\t",
        "\t\t\t\t\t9=not applicable\t",
    ]
    files = [folder / f"ccipra-v752r0-f{i}.txt" for i in range(1, 5)]
    chunk = len(col1_codes) // 4 + 1
    written = 0
    for part, path in enumerate(files):
        with open(path, "w", encoding="latin-1", newline="\r\n") as fh:
            fh.write("\n".join(header) + "\n")
            for c1 in col1_codes[part * chunk : (part + 1) * chunk]:
                partners = set(rng.sample(codes, per_col1))
                partners |= {c2 for (a, c2) in real if a == c1}
                out = []
                for c2 in sorted(partners):
                    if c2 == c1:
                        continue
                    if (c1, c2) in real:
                        out.extend(real[(c1, c2)])
                        continue
                    draw = rng.random()
                    indicator = "0" if draw < 0.21 else ("1" if draw < 0.98 else "9")
                    eff_year = rng.randint(1996, 2024)
                    deleted = rng.random() < 0.34
                    deletion = f"{rng.randint(eff_year, 2024)}1231" if deleted else "*"
                    flag = "*" if eff_year == 1996 and rng.random() < 0.5 else ""
                    reason = RATIONALES[rng.randrange(len(RATIONALES))]
                    out.append(
                        f"{c1}\t{c2}\t{flag}\t{eff_year}0101\t{deletion}\t{indicator}\t{reason}"
                    )
                fh.write("\n".join(out) + "\n")
                written += len(out)
    mue = folder / "MCR_MUE_PractitionerServices_Eff_07-01-2069.csv"
    with open(mue, "w", encoding="latin-1", newline="\r\n") as fh:
        fh.write(
            '"Current Procedural Terminology (CPT) codes, descriptions and other data only are '
            "copyright 2025 American Medical Association. All rights reserved. \n\nCPT\xae is a "
            'registered trademark of the American Medical Association.",,,\n'
            '"HCPCS/\nCPT Code",Practitioner Services MUE Values,MUE Adjudication Indicator,'
            "MUE Rationale\n"
        )
        mai_text = {
            1: "1 Line Edit",
            2: "2 Date of Service Edit: Policy",
            3: "3 Date of Service Edit: Clinical",
        }
        for code in codes:
            mai = rng.choice((1, 2, 3, 3, 3))
            fh.write(
                f"{code},{rng.choice((1, 1, 2, 3, 4, 12, 50))},{mai_text[mai]},Clinical: Data\n"
            )
    return {
        "ptp_files": [str(f) for f in files],
        "ptp_rows": written,
        "ptp_bytes": sum(f.stat().st_size for f in files),
        "column_1_codes": len(col1_codes),
        "mue_file": str(mue),
        "mue_rows": len(codes),
    }


def _all_indicators(fs: object) -> list:  # type: ignore[type-arg]
    return list(fs._by_code.values())  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------ phases


def phase_import(info: dict[str, object]) -> dict[str, object]:
    from agentkit.coding.importers.ncci_mue import import_ncci_mue
    from agentkit.coding.importers.ncci_ptp import import_ncci_ptp

    t0 = time.perf_counter()
    stored, table = import_ncci_ptp(
        [Path(p) for p in info["ptp_files"]],  # type: ignore[attr-defined]
        label="NCCI PTP practitioner synthetic full size",
    )
    t_ptp = time.perf_counter() - t0
    t0 = time.perf_counter()
    import_ncci_mue(Path(str(info["mue_file"])), label="NCCI MUE practitioner synthetic full size")
    t_mue = time.perf_counter() - t0
    return {
        "ptp_import_s": t_ptp,
        "ptp_rows_indexed": len(table),
        "mue_import_s": t_mue,
        "import_peak_rss_mb": _peak_mb(),
        "prepared_index_mb": (stored.path / "data.pickle").stat().st_size / 1e6,
    }


def phase_load_and_check(iterations: int) -> dict[str, object]:
    from datetime import date

    base_rss = _rss_mb()
    t0 = time.perf_counter()
    from agentkit.coding import Claim, knowledge, scrub

    modules_s = time.perf_counter() - t0
    modules_rss = _rss_mb()
    dos = date(2069, 8, 1)  # inside the synthetic release's quarter
    t0 = time.perf_counter()
    kb = knowledge(dos)
    ptp = kb.ptp
    mue = kb.mue
    load_s = time.perf_counter() - t0
    assert ptp is not None and mue is not None
    assert ptp.version.label == "NCCI PTP practitioner synthetic full size", ptp.version.label
    loaded_rss = _rss_mb()
    results: dict[str, object] = {}
    for name, codes in CLAIMS.items():
        claim = Claim.from_codes(codes, date_of_service=dos)
        findings = scrub(claim, ["ncci_ptp", "mue"], kb=kb)
        for _ in range(200):  # warm up
            scrub(claim, ["ncci_ptp", "mue"], kb=kb)
        samples = []
        for _ in range(iterations):
            t = time.perf_counter_ns()
            scrub(claim, ["ncci_ptp", "mue"], kb=kb)
            samples.append(time.perf_counter_ns() - t)
        samples.sort()
        lookups = []
        line_codes = [ln.code for ln in claim.lines]
        for _ in range(iterations):
            t = time.perf_counter_ns()
            list(ptp.pairs_among(line_codes, dos))
            lookups.append(time.perf_counter_ns() - t)
        lookups.sort()
        for _ in range(50):
            scrub(claim, kb=kb)
        whole = []
        for _ in range(max(200, iterations // 20)):
            t = time.perf_counter_ns()
            scrub(claim, kb=kb)
            whole.append(time.perf_counter_ns() - t)
        whole.sort()
        results[name] = {
            "claim": codes,
            "ptp_mue_findings": len(findings),
            "check_p50_us": _pct(samples, 0.50),
            "check_p95_us": _pct(samples, 0.95),
            "check_p99_us": _pct(samples, 0.99),
            "pair_lookup_p50_us": _pct(lookups, 0.50),
            "full_scrub_p50_us": _pct(whole, 0.50),
            "full_scrub_p95_us": _pct(whole, 0.95),
        }
    return {
        "load_s": load_s,
        "rss_before_load_mb": base_rss,
        "modules_s": modules_s,
        "rss_modules_mb": modules_rss,
        "rss_after_load_mb": loaded_rss,
        "ptp_rows": len(ptp),
        "claims": results,
    }


def _pct(xs: list[int], q: float) -> float:
    return xs[min(len(xs) - 1, int(q * len(xs)))] / 1000


def _child(phase: str, payload: str, env: dict[str, str]) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, __file__, "--phase", phase, "--payload", payload],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        raise SystemExit(f"phase {phase} failed:\n{run.stdout}\n{run.stderr}")
    result: dict[str, object] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark NCCI edit tables at full CMS size.")
    parser.add_argument("--rows", type=int, default=2_546_017, help="PTP rows to generate")
    parser.add_argument("--iterations", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="keep generated files and the store here")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--payload", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.phase == "import":
        print(json.dumps(phase_import(json.loads(args.payload))))
        return
    if args.phase == "check":
        print(json.dumps(phase_load_and_check(int(args.payload))))
        return

    work = args.keep or Path(tempfile.mkdtemp(prefix="agentkit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "AGENTKIT_CODING_DIR": str(work / "store")}
    os.environ["AGENTKIT_CODING_DIR"] = env["AGENTKIT_CODING_DIR"]
    print(f"agentkit edit benchmark - {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}")
    print(f"work directory: {work}")
    t0 = time.perf_counter()
    (work / "cms").mkdir(exist_ok=True)
    info = generate(work / "cms", args.rows)
    print(
        f"generated  {info['ptp_rows']:,} PTP rows over {info['column_1_codes']:,} column-1 codes "
        f"({float(str(info['ptp_bytes'])) / 1e6:.0f} MB in 4 CMS text files) and "
        f"{info['mue_rows']:,} MUE rows in {time.perf_counter() - t0:.1f} s"
    )
    imp = _child("import", json.dumps(info), env)
    print(
        f"import     PTP {imp['ptp_import_s']:.1f} s ({imp['ptp_rows_indexed']:,} rows), "
        f"MUE {imp['mue_import_s']:.2f} s; peak RSS {imp['import_peak_rss_mb']:.0f} MB; "
        f"prepared index {imp['prepared_index_mb']:.0f} MB"
    )
    chk = _child("check", str(args.iterations), env)
    ok_load = "OK" if float(chk["load_s"]) < 3 else "MISSED"  # type: ignore[arg-type]
    print(
        f"load       {chk['load_s']:.2f} s from the prepared index (goal < 3 s: {ok_load}), after "
        f"{chk['modules_s']:.2f} s importing agentkit.coding"
    )
    print(
        f"memory     resident {chk['rss_before_load_mb']:.0f} MB bare interpreter, "
        f"{chk['rss_modules_mb']:.0f} MB with agentkit imported, {chk['rss_after_load_mb']:.0f} MB "
        f"with both full tables loaded ({chk['ptp_rows']:,} PTP rows)"
    )
    for name, res in chk["claims"].items():  # type: ignore[attr-defined]
        ok_check = "OK" if float(res["check_p50_us"]) < 100 else "MISSED"
        print(f"claim      {name}: {res['claim']}  ({res['ptp_mue_findings']} PTP/MUE findings)")
        print(
            f"  check    PTP + MUE p50 {res['check_p50_us']:.1f} us, "
            f"p95 {res['check_p95_us']:.1f} us, "
            f"p99 {res['check_p99_us']:.1f} us over {args.iterations:,} runs "
            f"(goal p50 < 100 us: {ok_check})"
        )
        print(f"           PTP pair lookups alone p50 {res['pair_lookup_p50_us']:.1f} us")
        print(
            f"           whole scrubber (all 9 edits) p50 {res['full_scrub_p50_us']:.0f} us, "
            f"p95 {res['full_scrub_p95_us']:.0f} us"
        )
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
