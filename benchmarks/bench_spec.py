"""Spec foundation benchmark: compile time per bundled spec, and runtime overhead per call.

    python benchmarks/bench_spec.py [--calls 2000]

Prints, for each bundled spec, the cold compile time (load YAML + validate + build models +
compile templates + trial render + fingerprint), and for cpt_coding the per-call overhead of
the runtime without any provider work, on a 5 KB note: input validation, prompt render, JSON
parse into the Output model, all the spec's checks, the review policy, and the whole typed
call (through an instant in-process provider, with tracing off). Goals: compile < 50 ms per
spec; overhead < 1 ms p50.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import agentkit  # noqa: E402
from agentkit import Provider, ProviderRequest, ProviderResponse  # noqa: E402
from agentkit.runtime.parse import parse_output  # noqa: E402

PARAGRAPH = (
    "The patient was brought to the operating room and placed supine. After induction of general "
    "anesthesia the abdomen was prepped and draped in the usual sterile fashion. A 12 mm port was "
    "placed at the umbilicus under direct vision and pneumoperitoneum was established. Three "
    "additional 5 mm ports were placed. The gallbladder was grasped and retracted cephalad. The "
    "cystic duct and cystic artery were identified, clipped and divided. "
)
HEADER = (
    "PREOPERATIVE DIAGNOSIS: Symptomatic cholelithiasis.\n"
    "POSTOPERATIVE DIAGNOSIS: Symptomatic cholelithiasis.\n"
    "PROCEDURE PERFORMED: Laparoscopic cholecystectomy.\n"
    "DESCRIPTION OF PROCEDURE: "
)


def five_kb_note() -> str:
    body = HEADER
    while len(body) < 5000:
        body += PARAGRAPH
    return body[:5000]


ANSWER = {
    "procedures": [
        {
            "code": "47562",
            "modifiers": [],
            "units": 1,
            "evidence": "Laparoscopic cholecystectomy",
            "confidence": 0.95,
            "rationale": "Laparoscopic removal of the gallbladder.",
        }
    ],
    "diagnoses": [{"code": "K80.20", "evidence": "Symptomatic cholelithiasis", "confidence": 0.9}],
}


class Instant(Provider):
    name = "instant"
    text = json.dumps(ANSWER)

    async def generate(self, request: ProviderRequest) -> ProviderResponse:
        return ProviderResponse(parsed=None, text=self.text, model="instant")


def timeit(fn: Callable[[], Any], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def pct(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--compiles", type=int, default=30)
    args = parser.parse_args()
    os.environ["AGENTKIT_TRACE_DIR"] = tempfile.mkdtemp()
    os.environ.setdefault("AGENTKIT_TRACE_REDACTION", "hash")

    print("== compile (cold: parse + validate + models + templates + trial render + fingerprint)")
    specs = sorted((ROOT / "specs").glob("*.yaml"))
    agentkit.compile_spec(specs[0])  # import-time work (pydantic, jinja) is not per spec
    for path in specs:
        times = timeit(lambda p=path: agentkit.compile_spec(p), args.compiles)
        print(
            f"  {path.stem:16s} p50 {statistics.median(times) * 1000:6.1f} ms   "
            f"max {max(times) * 1000:6.1f} ms   (goal < 50 ms)"
        )

    spec = agentkit.compile_spec(ROOT / "specs" / "cpt_coding.yaml")
    note = five_kb_note()
    print(f"\n== per-call overhead on cpt_coding, {len(note)} character note, {args.calls} calls")
    inputs = spec.validate_inputs({"note": note})
    output = parse_output(None, Instant.text, spec.Output)
    spec.run_checks(inputs, output)  # warm the coding knowledge caches once
    steps: dict[str, Callable[[], Any]] = {
        "validate inputs": lambda: spec.validate_inputs({"note": note}),
        "render prompt": lambda: spec.render(inputs),
        "parse output": lambda: parse_output(None, Instant.text, spec.Output),
        "checks": lambda: spec.run_checks(inputs, output),
        "review policy": lambda: spec.decide_review(output, []),
    }
    total = 0.0
    for label, fn in steps.items():
        times = timeit(fn, args.calls)
        total += statistics.median(times)
        print(
            f"  {label:16s} p50 {statistics.median(times) * 1e6:8.1f} us"
            f"   p95 {pct(times, 0.95) * 1e6:8.1f} us"
        )
    print(f"  {'sum of steps':16s} p50 {total * 1e6:8.1f} us")

    agentkit.register_provider("instant", lambda m, c: Instant(m), needs_model=False)
    # The bundled spec asks for the offline coder's candidates before every LLM call; that is
    # coding work, not runtime overhead, so the call is timed on a copy without the option
    # (the candidates' own cost is printed separately below).
    plain_path = Path(tempfile.mkdtemp()) / "cpt_coding.yaml"
    plain_path.write_text(
        (ROOT / "specs" / "cpt_coding.yaml").read_text().replace("candidates: local\n", ""),
        encoding="utf-8",
    )
    fast = agentkit.compile_spec(plain_path).with_route(["instant"])
    os.environ["AGENTKIT_TRACE_DIR"] = tempfile.mkdtemp()

    async def many(n: int) -> list[float]:
        out = []
        for _ in range(n):
            t = time.perf_counter()
            await fast.acall(note=note)
            out.append(time.perf_counter() - t)
        return out

    times = asyncio.run(many(args.calls))
    print(
        f"  {'await acall()':16s} p50 {statistics.median(times) * 1e6:8.1f} us   p95 "
        f"{pct(times, 0.95) * 1e6:8.1f} us   (whole typed call incl. an fsynced trace write)"
    )
    del os.environ["AGENTKIT_TRACE_DIR"]
    os.chdir(tempfile.mkdtemp())
    Path("agentkit.toml").write_text("[trace]\nenabled = false\n", encoding="utf-8")
    untraced = asyncio.run(many(args.calls))
    print(
        f"  {'acall, no trace':16s} p50 {statistics.median(untraced) * 1e6:8.1f} us   p95 "
        f"{pct(untraced, 0.95) * 1e6:8.1f} us   (runtime overhead alone; goal < 1000 us)"
    )
    sync_times = timeit(lambda: fast(note=note), min(args.calls, 1000))
    print(
        f"  {'spec() sync':16s} p50 {statistics.median(sync_times) * 1e6:8.1f} us   p95 "
        f"{pct(sync_times, 0.95) * 1e6:8.1f} us"
    )
    cand = timeit(lambda: spec.candidate_codes({"note": note}), 200)
    print(
        f"  {'candidates':16s} p50 {statistics.median(cand) * 1e6:8.1f} us   (the offline coder, "
        "run before each LLM call when a spec says candidates: local)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
