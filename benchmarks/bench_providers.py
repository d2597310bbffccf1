"""Provider-layer overhead: agentkit versus a bare SDK call, against the fake LLM server.

    /work/venv/bin/python benchmarks/bench_providers.py [--calls 300] [--burst 2000]

The fake server (agentkit.testing.fake_llm_server) runs in its own process on loopback, so
the client process measured here does only client work. The same messages, the same
``response_format`` / forced tool and the same answer go over the wire in every variant:

- ``bare``      the official async SDK: ``create(...)`` then ``json.loads`` of the answer;
- ``router``    agentkit's router + adapter: retries armed, breaker, pricing, the answer
                parsed into the Output model and the spec's checks run on it;
- ``spec.acall``the whole typed call: input validation, prompt rendering, router, checks,
                review policy (traces off, to measure providers rather than disk writes).

Concurrency 1: wall time per call (median and mean) over ``--calls`` sequential calls per
variant, the variants interleaved call by call so machine noise falls on all of them alike.
Concurrency 64: calls per second for ``--burst`` calls with 64 in flight (asyncio), over
``--rounds`` interleaved rounds; the ratio to bare is the median of per-round ratios.
Goal: time per call <= 1.10x bare, throughput >= 0.8x bare.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import anthropic
import openai

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "tests" / "fixtures" / "providers" / "procedure_codes.yaml"
NOTE = "Excision of a 1.2 cm benign lesion of the upper back, closed with simple sutures."
ANSWER = {
    "procedures": [
        {
            "code": "11402",
            "units": 1,
            "evidence": "Excision of a 1.2 cm benign lesion",
            "confidence": 0.9,
        }
    ]
}
KEY = "bench-key"

Call = Callable[[], Awaitable[Any]]


def start_server(tmp: Path) -> tuple[subprocess.Popen[str], str]:
    answer = tmp / "answer.json"
    answer.write_text(json.dumps(ANSWER), encoding="utf-8")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "agentkit.testing.fake_llm_server",
            "--answer",
            str(answer),
            "--api-key",
            KEY,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        proc.kill()
        raise SystemExit(f"fake server did not start (got {url!r})")
    return proc, url


async def burst(call: Call, n: int, concurrency: int = 64) -> float:
    gate = asyncio.Semaphore(concurrency)

    async def one() -> None:
        async with gate:
            await call()

    start = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(n)))
    return n / (time.perf_counter() - start)


async def measure(
    variants: dict[str, Call], calls: int, burst_n: int, rounds: int
) -> dict[str, tuple[float, float, float, float]]:
    """Per variant: (median s/call, mean s/call, median calls/s at c=64, median ratio of its
    calls/s to bare's in the same round). The first variant is the baseline.

    Variants are interleaved call by call (c=1) and burst by burst (c=64), rotating the order,
    so that noise from the rest of the machine falls on all of them alike.
    """
    names = list(variants)
    for call in variants.values():  # warm-up: connections, imports, caches
        for _ in range(30):
            await call()
    latencies: dict[str, list[float]] = {k: [] for k in names}
    for i in range(calls):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            start = time.perf_counter()
            await variants[name]()
            latencies[name].append(time.perf_counter() - start)
    throughput: dict[str, list[float]] = {k: [] for k in names}
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            throughput[name].append(await burst(variants[name], burst_n))
    bare = throughput[names[0]]
    return {
        name: (
            statistics.median(latencies[name]),
            statistics.fmean(latencies[name]),
            statistics.median(throughput[name]),
            # paired by round, so slow phases of the machine cancel out
            statistics.median(q / b for q, b in zip(throughput[name], bare, strict=True)),
        )
        for name in names
    }


async def main_async(args: argparse.Namespace, url: str) -> list[tuple[str, dict[str, Any]]]:
    os.environ.update(
        {
            "OPENAI_API_KEY": KEY,
            "OPENAI_BASE_URL": f"{url}/v1",
            "ANTHROPIC_API_KEY": KEY,
            "ANTHROPIC_BASE_URL": url,
        }
    )
    import agentkit
    from agentkit.config import get_config
    from agentkit.providers.router import Router, Validation
    from agentkit.runtime.hashing import idempotency_key, input_hash
    from agentkit.runtime.parse import ParseFailure, parse_output

    spec = agentkit.load(SPEC)
    inputs = spec.validate_inputs(note=NOTE)
    data = inputs.model_dump(mode="json")
    ihash = input_hash(data)
    from agentkit.providers.base import ProviderRequest, ProviderResponse

    base_request = ProviderRequest(
        spec=spec.name,
        fingerprint=spec.fingerprint,
        input_hash=ihash,
        inputs=data,
        messages=tuple(spec.render(inputs)),
        output_schema=spec.output_schema,
        schema_name=spec.schema_name,
        idempotency_key=idempotency_key(spec.fingerprint, ihash),
    )

    def validate(response: ProviderResponse) -> Validation:
        try:
            output = parse_output(response.parsed, response.text, spec.Output)
        except ParseFailure as exc:
            return Validation(None, exc.problems)
        findings = spec.run_checks(inputs, output)
        return Validation(
            output, [f.message for f in findings if f.reask and f.severity == "error"], findings
        )

    config = get_config()
    system, user = base_request.messages
    results = []

    # ---- OpenAI wire
    oa = openai.AsyncOpenAI(api_key=KEY, base_url=f"{url}/v1", max_retries=0, timeout=60)

    async def bare_openai() -> Any:
        completion = await oa.chat.completions.create(
            model="bench-model",
            messages=[
                {"role": "system", "content": system.content},
                {"role": "user", "content": user.content},
            ],
            response_format={
                "type": "json_schema",
                "json_schema": {
                    "name": spec.schema_name,
                    "schema": spec.output_schema,
                    "strict": True,
                },
            },
            temperature=0,
            max_completion_tokens=spec.model_settings.max_tokens,
            timeout=60,
        )
        return json.loads(completion.choices[0].message.content or "")

    openai_spec = spec.with_route(["openai/bench-model"])
    router_o = Router(
        ["openai/bench-model"], config=config, settings=spec.model_settings, cache=None
    )

    async def via_router_openai() -> Any:
        return (await router_o.run(base_request, validate)).output

    async def via_spec_openai() -> Any:
        return (await openai_spec.acall(inputs)).output

    results.append(
        (
            "openai",
            await measure(
                {"bare": bare_openai, "router": via_router_openai, "spec.acall": via_spec_openai},
                args.calls,
                args.burst,
                args.rounds,
            ),
        )
    )

    # ---- Anthropic wire
    an = anthropic.AsyncAnthropic(api_key=KEY, base_url=url, max_retries=0, timeout=60)
    tool = {
        "name": spec.schema_name,
        "description": "Record the complete answer. Call this exactly once.",
        "input_schema": spec.output_schema,
    }

    anthropic_kwargs: dict[str, Any] = {
        "model": "bench-claude",
        "max_tokens": spec.model_settings.max_tokens,
        "system": system.content,
        "messages": [{"role": "user", "content": user.content}],
        "tools": [tool],
        "tool_choice": {"type": "tool", "name": spec.schema_name},
        "timeout": 60,
    }

    async def bare_anthropic() -> Any:
        message = await an.messages.create(**anthropic_kwargs)
        return next(b.input for b in message.content if b.type == "tool_use")

    anthropic_spec = spec.with_route(["anthropic/bench-claude"])
    router_a = Router(
        ["anthropic/bench-claude"], config=config, settings=spec.model_settings, cache=None
    )

    async def via_router_anthropic() -> Any:
        return (await router_a.run(replace(base_request), validate)).output

    async def via_spec_anthropic() -> Any:
        return (await anthropic_spec.acall(inputs)).output

    results.append(
        (
            "anthropic",
            await measure(
                {
                    "bare": bare_anthropic,
                    "router": via_router_anthropic,
                    "spec.acall": via_spec_anthropic,
                },
                args.calls,
                args.burst,
                args.rounds,
            ),
        )
    )
    await oa.close()
    await an.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=1000, help="sequential calls per variant")
    parser.add_argument("--burst", type=int, default=800, help="calls per burst at concurrency 64")
    parser.add_argument("--rounds", type=int, default=9, help="bursts per variant")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "agentkit.toml").write_text(
            "[trace]\nenabled = false\n[prices]\n"
            '"openai/bench-model" = { input = 1.0, output = 4.0 }\n'
            '"anthropic/bench-claude" = { input = 3.0, output = 15.0 }\n',
            encoding="utf-8",
        )
        os.environ["AGENTKIT_CONFIG"] = str(tmp / "agentkit.toml")
        os.environ.pop("AGENTKIT_ROUTE", None)
        os.environ.pop("AGENTKIT_CACHE", None)
        proc, url = start_server(tmp)
        try:
            results = asyncio.run(main_async(args, url))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(
        f"python {sys.version.split()[0]}, openai {openai.__version__}, anthropic "
        f"{anthropic.__version__}, {os.cpu_count()} CPUs; fake server in a separate process"
    )
    print(
        f"c=1: {args.calls} calls per variant, interleaved call by call; "
        f"c=64: {args.rounds} rounds of {args.burst}-call bursts, ratio = median per-round ratio\n"
    )
    header = (
        f"{'wire':<10} {'variant':<11} {'median ms':>10} {'x bare':>7} {'mean ms':>8} "
        f"{'x bare':>7} {'calls/s c=64':>13} {'x bare':>7}"
    )
    print(header)
    print("-" * len(header))
    verdicts = []
    for wire, table in results:
        bare_med, bare_mean, _, _ = table["bare"]
        for name, (med, mean, q, q_ratio) in table.items():
            print(
                f"{wire:<10} {name:<11} {med * 1000:>10.3f} {med / bare_med:>7.3f} "
                f"{mean * 1000:>8.3f} {mean / bare_mean:>7.3f} {q:>13.0f} {q_ratio:>7.3f}"
            )
            if name != "bare":
                verdicts.append((wire, name, med / bare_med <= 1.10, q_ratio >= 0.80))
    print("\ngoal: <= 1.10x bare time per call, >= 0.80x bare throughput")
    for wire, name, time_ok, tput_ok in verdicts:
        print(
            f"  {wire:<10} {name:<11} median time {'PASS' if time_ok else 'FAIL'}   "
            f"throughput {'PASS' if tput_ok else 'FAIL'}"
        )


if __name__ == "__main__":
    main()
