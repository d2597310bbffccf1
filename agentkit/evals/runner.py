"""Run an eval suite: every case through the compiled spec, scored, streamed, aggregated.

Cases are pulled lazily by a fixed number of workers (bounded concurrency), each result is
handed to ``on_result`` as soon as it is known (the CLI streams it to JSON Lines) and folded
into a :class:`MetricsAccumulator`; nothing holds the whole suite. A case whose call raises
(route failure, invalid inputs, a provider bug) is a failed case with its error, never the
end of the suite. Traces of eval calls go to ``trace_sink`` (None: not traced), not to the
production store.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from agentkit.errors import EvalError
from agentkit.evals.cases import EvalCase, validate_case_against
from agentkit.evals.code_fields import CodeFamily, code_families
from agentkit.evals.metrics import CaseScore, MetricsAccumulator, score_case
from agentkit.spec.compiled import CompiledSpec
from agentkit.trace.sink import TraceSink, use_sink

__all__ = ["CaseResult", "SuiteResult", "run_suite"]


@dataclass
class CaseResult:
    """All repeats of one case. It passes only if every repeat passes."""

    case: EvalCase
    scores: list[CaseScore]

    @property
    def id(self) -> str:
        return self.case.id

    @property
    def passed(self) -> bool:
        return all(s.passed for s in self.scores)

    @property
    def flaky(self) -> bool:
        return len({s.signature() for s in self.scores}) > 1

    def as_json(self) -> dict[str, Any]:
        first = self.scores[0].as_json()
        first.update(
            {
                "passed": self.passed,
                "flaky": self.flaky,
                "repeats": len(self.scores),
                "description": self.case.description,
                "source": self.case.source,
            }
        )
        if len(self.scores) > 1:
            first["runs"] = [{"passed": s.passed, "signature": s.signature()} for s in self.scores]
        return first


@dataclass
class SuiteResult:
    spec: str
    spec_version: str
    fingerprint: str
    route: list[str]
    repeat: int
    metrics: MetricsAccumulator = field(default_factory=MetricsAccumulator)
    # metrics over the cases a baseline knows (like-for-like when cases were added since)
    gate_metrics: MetricsAccumulator = field(default_factory=MetricsAccumulator)
    case_status: dict[str, bool] = field(default_factory=dict)
    flaky: list[str] = field(default_factory=list)
    started: float = 0.0
    seconds: float = 0.0

    @property
    def cases(self) -> int:
        return len(self.case_status)

    @property
    def failed_cases(self) -> list[str]:
        return sorted(k for k, ok in self.case_status.items() if not ok)


async def run_suite(
    spec: CompiledSpec[Any, Any],
    cases: Iterable[EvalCase],
    *,
    concurrency: int = 4,
    repeat: int = 1,
    on_result: Callable[[CaseResult], None] | None = None,
    trace_sink: TraceSink | None = None,
    route: list[str] | None = None,
    gate_ids: Collection[str] | None = None,
) -> SuiteResult:
    """Run every case (``repeat`` times each) and return the aggregated result.

    ``gate_ids`` (the baseline's cases) get their own metrics in ``gate_metrics``, so a suite
    that grew since the baseline is still compared like with like.
    """
    if concurrency < 1:
        raise EvalError("concurrency must be at least 1")
    if repeat < 1:
        raise EvalError("--repeat must be at least 1")
    families = code_families(spec.output_fields)
    suite = SuiteResult(
        spec.name,
        spec.version,
        spec.fingerprint,
        route or spec.route_override or [],
        repeat,
        started=time.time(),
    )
    source: Iterator[EvalCase] = iter(cases)
    clock = time.perf_counter()

    async def worker() -> None:
        while True:
            try:
                case = next(source)
            except StopIteration:
                return
            if case.id in suite.case_status:
                raise EvalError(f"{case.source}: case id '{case.id}' is used twice")
            suite.case_status[case.id] = False  # claimed; set for real below
            scores = [await _run_case(spec, case, families) for _ in range(repeat)]
            result = CaseResult(case, scores)
            for s in scores:
                suite.metrics.add(s)
                if gate_ids is None or case.id in gate_ids:
                    suite.gate_metrics.add(s)
            suite.case_status[case.id] = result.passed
            if result.flaky:
                suite.flaky.append(case.id)
            if on_result is not None:
                on_result(result)

    with use_sink(trace_sink):
        tasks = [asyncio.create_task(worker()) for _ in range(concurrency)]
        try:
            await asyncio.gather(*tasks)
        except BaseException:
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
    suite.seconds = time.perf_counter() - clock
    suite.flaky.sort()
    return suite


async def _run_case(
    spec: CompiledSpec[Any, Any], case: EvalCase, families: list[CodeFamily]
) -> CaseScore:
    start = time.perf_counter()
    try:
        validate_case_against(case, spec.output_fields, spec.input_fields)
        result = await spec.acall(case.input)
    except Exception as exc:
        score = score_case(case.id, case.tags, families, case.expected, None, error=exc)
        score.latency_s = time.perf_counter() - start
        return score
    output = result.output.model_dump(mode="json") if result.output is not None else None
    score = score_case(case.id, case.tags, families, case.expected, output)
    score.answered = True
    score.error_findings = len(result.errors)
    score.findings = [
        f"{f.severity}:{f.check}: {f.message}"
        for f in result.findings
        if f.severity in ("error", "warning")
    ]
    score.review = result.review.decision
    score.review_reasons = list(result.review.reasons)
    score.provider = result.provider
    score.latency_s = time.perf_counter() - start
    return score
