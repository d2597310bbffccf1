"""Trace store speed: write throughput and `traces stats` / `traces verify` over 100k records.

    /work/venv/bin/python benchmarks/bench_traces.py [--records 100000] [--writes 2000]

1. Builds one realistic ``cpt_coding`` call record (a 2.5 KB synthetic note, the rendered
   system + user messages, three procedure lines, two diagnoses, findings, one attempt) and
   measures records/s through the real sink (hash redaction + hash chain + append) with
   - fsync after every record (the default, ``fsync = true``),
   - ``fsync = false`` (the ``batch`` mode: fsync every 100 records and at exit),
   - ``append_many`` batches of 100 (one write + one fsync per batch, for batch runs),
   - no fsync at all (the OS decides; for comparison),
   and the redaction pipeline alone.
2. Writes ``--records`` hash-redacted records (varied spec versions, statuses, codes,
   findings, review events) into a day file and times ``compute_stats`` (what
   ``agentkit traces stats`` runs), the whole ``agentkit traces stats --json`` command in a
   fresh process, and ``traces verify``.

Goal (issue 6): stats over 100k records < 2 s. Needs nothing from /work/shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agentkit.result import Attempt, Finding, Review, Usage  # noqa: E402
from agentkit.trace.ids import new_id  # noqa: E402
from agentkit.trace.record import AuditEvent, CallRecord, MessageRecord  # noqa: E402
from agentkit.trace.sink import open_sink  # noqa: E402
from agentkit.trace.stats import compute_stats  # noqa: E402
from agentkit.trace.store import TraceStore  # noqa: E402
from agentkit.trace.verify import verify_store  # noqa: E402

# A synthetic operative note (invented for this benchmark), repeated to ~2.5 KB.
NOTE = (
    "PREOPERATIVE DIAGNOSIS: Symptomatic cholelithiasis.\n"
    "PROCEDURE: Laparoscopic cholecystectomy with intraoperative cholangiogram.\n"
    "The patient was placed supine, general anesthesia induced, abdomen prepped and draped. "
    "Pneumoperitoneum established through an umbilical Hasson port; three 5 mm ports placed "
    "under direct vision. The cystic duct and artery were dissected, a cholangiogram showed "
    "free flow into the duodenum without filling defects, then both were clipped and divided. "
) * 5
SYSTEM = "You are a meticulous certified medical coder. " * 90  # ~4 KB rendered system prompt


def call_record(i: int, rng: random.Random) -> CallRecord:
    codes = rng.choice([["47562"], ["47563", "49320"], ["45385", "45380"], ["20610"]])
    status = rng.choices(["accepted", "needs_review", "failed"], [0.7, 0.27, 0.03])[0]
    findings = []
    if rng.random() < 0.2:
        findings.append(
            Finding(
                check=rng.choice(["ncci_ptp", "mue", "quotes_in_source"]),
                severity=rng.choice(["error", "warning"]),
                message="47563 bundles 49320 (modifier indicator 1)",
                codes=("47563", "49320"),
            )
        )
    latency = rng.lognormvariate(-0.5, 0.6)
    note = f"{NOTE}Specimen {i} sent to pathology; EBL {rng.randint(5, 80)} mL."  # unique text
    attempt = Attempt(
        provider="anthropic/claude-sonnet-4-6",
        model="claude-sonnet-4-6",
        status="ok",
        latency_s=latency,
        request_id=f"req_{i:08d}",
        input_tokens=2400,
        output_tokens=380,
        cost_usd=0.0129,
    )
    return CallRecord(
        id=new_id(),
        time=dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
        spec="cpt_coding",
        spec_version=rng.choice(["1.0.0", "1.1.0"]),
        fingerprint="f" * 64,
        codeset_versions={"cpt": "2025", "icd10cm": "2025", "ncci": "2025Q1"},
        idempotency_key="k" * 32,
        input_hash="h" * 64,
        inputs={
            "note": note,
            "date_of_service": "2025-03-14",
            "patient": {"sex": "female", "age": 58},
        },
        messages=[
            MessageRecord(role="system", content=SYSTEM),
            MessageRecord(role="user", content="<<<NOTE>>>\n" + note),
        ],
        prompt_hash="p" * 64,
        attempts=[attempt],
        provider="anthropic/claude-sonnet-4-6",
        model="claude-sonnet-4-6",
        request_id=f"req_{i:08d}",
        raw_response="{...}" * 200,
        output=None
        if status == "failed"
        else {
            "procedures": [
                {
                    "code": c,
                    "modifiers": [],
                    "units": 1,
                    "evidence": "Laparoscopic cholecystectomy",
                    "confidence": 0.91,
                    "rationale": "Gallbladder removed laparoscopically.",
                }
                for c in codes
            ],
            "diagnoses": [
                {"code": "K80.20", "evidence": "Symptomatic cholelithiasis", "confidence": 0.9}
            ],
        },
        findings=findings,
        review=Review(
            decision="needs_review" if status == "needs_review" else "auto_accepted",
            reasons=["procedures[0].confidence is 0.62, below 0.85"]
            if status == "needs_review"
            else [],
        ),
        status=status,
        usage=Usage(
            input_tokens=2400, output_tokens=380, cost_usd=0.0129, latency_s=latency, attempts=1
        ),
        latency_s=latency,
        error="RouteExhausted" if status == "failed" else None,
        text_fields=["note"],
    )


def bench_writes(n: int, work: Path) -> None:
    rng = random.Random(1)
    records = [call_record(i, rng) for i in range(n)]
    print(
        f"\n== write throughput ({n} records, hash redaction, one record ~"
        f"{len(records[0].model_dump_json()) // 1024} KB before redaction)"
    )
    sink = open_sink(work / "pipeline-only")
    for r in records[:50]:  # warm up (first-use costs are not per-record costs)
        sink.prepare(r.model_dump(mode="json", exclude_none=True))
    t0 = time.perf_counter()
    prepared = [sink.prepare(r.model_dump(mode="json", exclude_none=True)) for r in records]
    dt_prep = time.perf_counter() - t0
    size = sum(len(str(p)) for p in prepared) / len(prepared)
    print(
        f"  redaction pipeline only, hash        {n / dt_prep:10.0f} records/s"
        f"   (written record ~{size / 1024:.1f} KB)"
    )
    masking = open_sink(work / "pipeline-mask", redaction="mask")
    t0 = time.perf_counter()
    for r in records:
        masking.prepare(r.model_dump(mode="json", exclude_none=True))
    print(
        f"  redaction pipeline only, mask        {n / (time.perf_counter() - t0):10.0f} records/s"
    )
    for label, fsync in (
        ("fsync after every record (default)", "always"),
        ("fsync = false (batch: every 100)", "batch"),
        ("no fsync", "never"),
    ):
        sink = open_sink(work / f"w-{fsync}", fsync=fsync)  # type: ignore[arg-type]
        t0 = time.perf_counter()
        for r in records:
            sink.write_call(r)
        sink.flush()
        elapsed = time.perf_counter() - t0
        print(f"  sink.write_call, {label:34s} {n / elapsed:8.0f} records/s")
    sink = open_sink(work / "w-many", fsync="always")
    t0 = time.perf_counter()
    dumped = [r.model_dump(mode="json", exclude_none=True) for r in records]
    for k in range(0, n, 100):
        sink.write_many(dumped[k : k + 100])
    elapsed = time.perf_counter() - t0
    print(f"  sink.write_many, batches of 100, one fsync each  {n / elapsed:8.0f} records/s")


def fill_store(directory: Path, total: int) -> None:
    rng = random.Random(7)
    sink = open_sink(directory / "_scratch")
    templates = [
        sink.prepare(call_record(i, rng).model_dump(mode="json", exclude_none=True))
        for i in range(200)
    ]
    store = TraceStore(
        directory, fsync="never", clock=lambda: dt.datetime(2025, 3, 14, tzinfo=dt.UTC)
    )
    batch: list[dict[str, Any]] = []
    written = 0
    while written < total:
        rec = dict(rng.choice(templates))
        rec["id"] = new_id()
        rec["latency_s"] = rng.lognormvariate(-0.5, 0.6)
        batch.append(rec)
        if rec.get("status") == "needs_review" and rng.random() < 0.6 and written + 1 < total:
            before = [p["code"] for p in (rec.get("output") or {}).get("procedures", [])]
            override = rng.random() < 0.3
            after = ["47562"] if override else before
            batch.append(
                sink.prepare(
                    AuditEvent(
                        id=new_id(),
                        time=rec["time"],
                        trace_id=rec["id"],
                        action="override" if override else "accept",
                        reviewer="coder",
                        reason="documented separately" if override else None,
                        before=before,
                        after=after,
                        spec=rec["spec"],
                        spec_version=rec["spec_version"],
                    ).model_dump(mode="json", exclude_none=True)
                )
            )
            written += 1
        written += 1
        if len(batch) >= 1000:
            store.append_many(batch)
            batch = []
    if batch:
        store.append_many(batch)
    shutil.rmtree(directory / "_scratch", ignore_errors=True)


def bench_stats(total: int, work: Path) -> None:
    directory = work / "store"
    t0 = time.perf_counter()
    fill_store(directory, total)
    size = sum(p.stat().st_size for p in directory.glob("*.jsonl"))
    print(
        f"\n== traces stats over {total} records ({size / 1e6:.0f} MB, hash redaction; "
        f"written in {time.perf_counter() - t0:.1f} s)"
    )
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        result = compute_stats(directory)
        best = min(best, time.perf_counter() - t0)
    assert result.records == total, (result.records, total)
    calls = sum(g.calls for g in result.groups)
    print(
        f"  compute_stats (in process, best of 3)   {best:6.2f} s   "
        f"({calls} calls, {total - calls} review events)   goal < 2 s: "
        f"{'met' if best < 2 else 'NOT met'}"
    )
    env = {**os.environ, "AGENTKIT_TRACE_DIR": str(directory)}
    t0 = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from agentkit.cli import main; main()",
            "traces",
            "stats",
            "--json",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    cli = time.perf_counter() - t0
    status = "ok" if proc.returncode == 0 else f"exit {proc.returncode}: {proc.stderr[-300:]}"
    print(
        f"  `agentkit traces stats --json` (fresh process, incl. startup)  {cli:6.2f} s  [{status}]"
    )
    t0 = time.perf_counter()
    t_spec = compute_stats(directory, spec="cpt_coding", since=dt.date(2025, 3, 14))
    took = time.perf_counter() - t0
    print(
        f"  compute_stats --spec cpt_coding --since 2025-03-14          {took:6.2f} s"
        f"   ({sum(g.calls for g in t_spec.groups)} calls)"
    )
    t0 = time.perf_counter()
    report = verify_store(directory)
    print(
        f"  traces verify (hash every record, check the chain)          "
        f"{time.perf_counter() - t0:6.2f} s   ok={report.ok}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--writes", type=int, default=2000)
    args = parser.parse_args()
    os.environ.setdefault("AGENTKIT_TRACE_KEY", "benchmark-key")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpu(s)")
    with tempfile.TemporaryDirectory(prefix="bench-traces-", dir=ROOT) as tmp:
        work = Path(tmp)
        bench_writes(args.writes, work)
        bench_stats(args.records, work)


if __name__ == "__main__":
    main()
