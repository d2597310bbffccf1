"""``agentkit eval SPEC`` (or ``--all``): run an eval suite and gate it against its baseline.

Exit codes:
  0  equal to or better than the baseline (or no baseline, unless --require-baseline), or
     --update-baseline wrote a new one
  1  a gated metric fell by more than --tolerance, or a case that passed now fails
  2  bad usage: unknown spec, no cases, unreadable case file or baseline, bad option
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from agentkit.cli.trace_commands import err, out
from agentkit.errors import AgentkitError, EvalError, SpecError

__all__ = ["register"]

_HEADLINE = (
    "micro.precision",
    "micro.recall",
    "micro.f1",
    "macro.f1",
    "exact_match",
    "primary_accuracy",
    "modifier_accuracy",
    "unit_accuracy",
    "error_finding_rate",
    "review_rate",
    "failure_rate",
    "pass_rate",
)
_FAMILY_METRICS = (
    "micro.precision",
    "micro.recall",
    "micro.f1",
    "macro.f1",
    "exact_match",
    "primary_accuracy",
    "modifier_accuracy",
    "unit_accuracy",
)


class _Usage(Exception):
    """A usage error for one spec (exit 2)."""


def eval_command(
    spec: Annotated[str | None, typer.Argument(help="Spec name or path (omit with --all)")] = None,
    all_specs: Annotated[
        bool, typer.Option("--all", help="Every spec in the spec folders that has eval cases")
    ] = False,
    cases: Annotated[
        Path | None,
        typer.Option("--cases", help="Case folder or file (default: <spec evals>/cases)"),
    ] = None,
    provider: Annotated[
        str | None,
        typer.Option("--provider", help="Route to use, e.g. local, replay, openai/gpt-5.4-mini"),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Baseline file (default: <spec evals>/baseline.json)"),
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Promote this run to the baseline")
    ] = False,
    tolerance: Annotated[
        float,
        typer.Option(
            "--tolerance",
            help="Allowed drop of a gated metric (0.0 = none; runs offline are deterministic)",
        ),
    ] = 0.0,
    require_baseline: Annotated[
        bool,
        typer.Option("--require-baseline", help="Fail (exit 2) when a spec has no baseline (CI)"),
    ] = False,
    repeat: Annotated[
        int, typer.Option("--repeat", help="Run each case N times to expose flaky cases")
    ] = 1,
    concurrency: Annotated[int, typer.Option("--concurrency", help="Cases in flight at once")] = 4,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report", help="JSON report (default: eval-reports/<spec>.json; with --all: a folder)"
        ),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option("--junit", help="Also write JUnit XML here (CI; with --all: a folder)"),
    ] = None,
    max_diffs: Annotated[
        int, typer.Option("--max-diffs", help="Failed cases to show in detail")
    ] = 20,
    trace_dir: Annotated[
        Path | None, typer.Option("--trace-dir", help="Trace eval calls here (default: not traced)")
    ] = None,
) -> None:
    """Run a spec's eval cases, show metrics and diffs, and compare with the committed baseline."""
    if all_specs == (spec is not None):
        err.print("[red]error:[/red] give a SPEC or --all (not both)")
        raise typer.Exit(2)
    if all_specs and (cases or baseline):
        err.print(
            "[red]error:[/red] --cases and --baseline name one spec's files; with --all each "
            "spec uses its own (evals/<spec>/...)"
        )
        raise typer.Exit(2)
    options = _Options(
        cases=cases,
        provider=provider,
        baseline=baseline,
        update_baseline=update_baseline,
        tolerance=tolerance,
        require_baseline=require_baseline,
        repeat=repeat,
        concurrency=concurrency,
        report=report,
        junit=junit,
        max_diffs=max_diffs,
        trace_dir=trace_dir,
        per_spec_dirs=all_specs,
    )
    if tolerance < 0 or repeat < 1 or concurrency < 1:
        err.print("[red]error:[/red] --tolerance must be >= 0, --repeat and --concurrency >= 1")
        raise typer.Exit(2)
    targets = _all_spec_files() if all_specs else [spec or ""]
    if all_specs and not targets:
        err.print("[red]error:[/red] no spec with an evals folder holding cases was found")
        raise typer.Exit(2)
    worst = 0
    for target in targets:
        try:
            code = _run_one(target, options)
        except _Usage as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}")
            code = 2
        except SpecError as exc:
            for issue in exc.issues:
                err.print(str(issue), markup=False)
            code = 2
        except AgentkitError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}")
            code = 2
        worst = max(worst, code)
    if all_specs:
        verdict = {
            0: "[green]all suites pass the gate[/green]",
            1: "[red]regression[/red]",
            2: "[red]errors[/red]",
        }[worst]
        out.print(f"--all: {len(targets)} spec(s): {verdict}")
    raise typer.Exit(worst)


def _all_spec_files() -> list[str]:
    from agentkit.spec.compiler import compile_spec
    from agentkit.spec.resolve import spec_search_path

    seen: set[str] = set()
    found: list[str] = []
    for directory in spec_search_path():
        if not directory.is_dir():
            continue
        for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
            if path.stem in seen:
                continue
            try:
                compiled = compile_spec(path)
            except SpecError:
                found.append(str(path))  # reported (exit 2) when run: a broken spec must not pass
                seen.add(path.stem)
                continue
            seen.add(compiled.name)
            if compiled.evals_dir is not None and compiled.evals_dir.is_dir():
                found.append(str(path))
    return found


def _count_cases(files: list[Path]) -> int:
    total = 0
    for path in files:
        if path.suffix == ".jsonl":
            try:
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError as exc:
                raise _Usage(f"{path}: cannot be read: {exc}") from None
        else:
            total += 1
    return total


@dataclass(frozen=True)
class _Options:
    cases: Path | None
    provider: str | None
    baseline: Path | None
    update_baseline: bool
    tolerance: float
    require_baseline: bool
    repeat: int
    concurrency: int
    report: Path | None
    junit: Path | None
    max_diffs: int
    trace_dir: Path | None
    per_spec_dirs: bool = False  # --all: --report / --junit are folders, one file per spec


def _run_one(target: str, opts: _Options) -> int:
    from agentkit.config import get_config
    from agentkit.evals.baseline import compare, load_baseline, new_baseline, save_baseline
    from agentkit.evals.cases import case_files, iter_cases, suite_files
    from agentkit.evals.report import ResultsWriter, build_report, write_json, write_junit
    from agentkit.evals.runner import run_suite
    from agentkit.runtime.loop import run_sync
    from agentkit.spec.resolve import load
    from agentkit.trace.sink import open_sink

    cases, provider, baseline, report, junit = (
        opts.cases,
        opts.provider,
        opts.baseline,
        opts.report,
        opts.junit,
    )
    update_baseline, tolerance, repeat = opts.update_baseline, opts.tolerance, opts.repeat
    spec = load(target)
    if provider:
        try:
            spec = spec.with_route(provider)
        except ValueError as exc:
            raise _Usage(f"--provider: {exc}") from None
    route = spec.effective_route(get_config())
    if cases is not None:
        try:
            sources = case_files(cases)
        except EvalError as exc:
            raise _Usage(str(exc)) from None
        where = str(cases)
    else:
        if spec.evals_dir is None:
            raise _Usage(f"spec {spec.name} has no 'evals:' folder; add one or pass --cases DIR")
        sources = suite_files(spec.evals_dir)
        where = f"{spec.evals_dir}/cases/ and {spec.evals_dir}/*.jsonl"
    baseline_path = baseline or (spec.evals_dir / "baseline.json" if spec.evals_dir else None)
    if opts.per_spec_dirs:
        report_path = (report or Path("eval-reports")) / f"{spec.name}.json"
        junit = junit / f"{spec.name}.xml" if junit else None
    else:
        report_path = report or Path("eval-reports") / f"{spec.name}.json"
    results_path = report_path.with_name(report_path.stem + ".cases.jsonl")
    base = load_baseline(baseline_path) if baseline_path else None
    if base is None and opts.require_baseline and not update_baseline:
        raise _Usage(
            f"{spec.name}: no baseline at {baseline_path}; create it with "
            f"`agentkit eval {spec.name} --update-baseline` and commit it"
        )
    total = _count_cases(sources)
    if not total:
        raise _Usage(f"no eval cases in {where}")
    trace_sink = None
    if opts.trace_dir is not None:
        config = get_config()
        trace_sink = open_sink(
            opts.trace_dir,
            redaction=config.trace_redaction(),
            key_env=config.trace.key_env,
            fsync="batch",
        )

    out.print(
        f"[bold]eval {spec.name}[/bold] {spec.version} ({spec.fingerprint[:12]}) on "
        f"{', '.join(route)}: {total} case(s)" + (f" x{repeat}" if repeat > 1 else "")
    )
    writer = ResultsWriter(results_path)
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    try:
        with progress:
            task = progress.add_task(spec.name, total=total)

            def on_result(result: Any) -> None:
                writer(result)
                progress.advance(task)

            suite = run_sync(
                run_suite(
                    spec,
                    iter_cases(sources),
                    concurrency=opts.concurrency,
                    repeat=repeat,
                    on_result=on_result,
                    trace_sink=trace_sink,
                    route=route,
                    gate_ids=set(base.cases) if base is not None else None,
                )
            )
    finally:
        writer.close()
        if trace_sink is not None:
            trace_sink.flush()

    metrics = suite.metrics.metrics()
    gate_metrics = suite.gate_metrics.metrics()
    comparison = None
    new_cases = 0
    if base is not None:
        new_cases = sum(1 for case_id in suite.case_status if case_id not in base.cases)
        comparison = compare(
            gate_metrics,
            suite.case_status,
            base,
            tolerance=tolerance,
            fingerprint=spec.fingerprint,
            provider=",".join(route),
        )
    _print_metrics(gate_metrics if base else metrics, base.metrics if base else None, suite)
    if new_cases:
        out.print(
            f"[dim]note:[/dim] {new_cases} case(s) are not in the baseline: the table and "
            "the gate compare the baseline's cases; all-case metrics are in the report"
        )
    _print_confusion(suite)
    _print_diffs(results_path, opts.max_diffs)
    data = build_report(
        suite,
        comparison,
        baseline_path=baseline_path,
        results_path=results_path,
        tolerance=tolerance,
    )
    write_json(report_path, data)
    if junit is not None:
        write_junit(junit, data, results_path)
    out.print(
        f"report: {report_path}  cases: {results_path}" + (f"  junit: {junit}" if junit else "")
    )

    if update_baseline:
        if baseline_path is None:
            raise _Usage("no baseline path: pass --baseline FILE")
        save_baseline(
            baseline_path,
            new_baseline(
                spec=spec.name,
                spec_version=spec.version,
                fingerprint=spec.fingerprint,
                provider=",".join(route),
                repeat=repeat,
                metrics=metrics,
                case_status=suite.case_status,
            ),
        )
        out.print(f"[green]baseline updated[/green]: {baseline_path} (commit it)")
        return 0
    if comparison is None:
        out.print(
            f"[yellow]no baseline[/yellow] at {baseline_path}: nothing to gate against; "
            f"run with --update-baseline to create one"
        )
        return 0
    for note in comparison.notes:
        out.print(f"[dim]note:[/dim] {escape(note)}")
    if comparison.failed:
        out.print(f"[red]REGRESSION[/red] against {baseline_path}:")
        for line in comparison.regressions:
            out.print(f"  - {escape(line)}")
        return 1
    if comparison.improved:
        out.print(
            "[green]improved[/green]: "
            + "; ".join(comparison.improvements[:8])
            + " - consider --update-baseline"
        )
    else:
        out.print("[green]equal to the baseline[/green]")
    return 0


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def _print_metrics(
    metrics: dict[str, float | None], base: dict[str, float | None] | None, suite: Any
) -> None:
    from agentkit.evals.baseline import metric_direction

    passed = suite.cases - len(suite.failed_cases)
    table = Table(title=f"{suite.spec}: {passed}/{suite.cases} cases pass ({suite.seconds:.1f} s)")
    table.add_column("metric")
    table.add_column("value", justify="right")
    if base is not None:
        table.add_column("baseline", justify="right")
        table.add_column("change", justify="right")
    for name in _HEADLINE:
        row = [name, _fmt(metrics.get(name))]
        if base is not None:
            row += [
                _fmt(base.get(name)),
                _change(name, metrics.get(name), base.get(name), metric_direction(name)),
            ]
        table.add_row(*row)
    out.print(table)
    families = sorted(
        {
            k.split(".")[0]
            for k in metrics
            if k.count(".") >= 1 and k.split(".")[0] not in ("micro", "macro")
        }
    )
    if families:
        fam = Table(title="per code family")
        fam.add_column("family")
        for name in _FAMILY_METRICS:
            fam.add_column(name.replace("micro.", "").replace("_accuracy", " acc"), justify="right")
        for f in families:
            fam.add_row(f, *[_fmt(metrics.get(f"{f}.{m}")) for m in _FAMILY_METRICS])
        out.print(fam)


def _change(name: str, new: float | None, old: float | None, direction: str) -> str:
    if new is None or old is None:
        return ""
    delta = new - old
    if abs(delta) < 1e-9:
        return "="
    better = (delta > 0) == (direction == "higher")
    colour = "dim" if direction == "info" else ("green" if better else "red")
    return f"[{colour}]{delta:+.4f}[/{colour}]"


def _print_confusion(suite: Any) -> None:
    confusion = suite.metrics.confusion(8)
    if not any(confusion.values()):
        return
    table = Table(title="codes most often missed / added / swapped")
    for column in ("missed", "added", "swapped (expected->got)"):
        table.add_column(column)
    rows = max(len(v) for v in confusion.values())
    cols = [confusion["missed"], confusion["added"], confusion["swapped"]]
    for i in range(rows):
        table.add_row(*[f"{c[i][0]} x{c[i][1]}" if i < len(c) else "" for c in cols])
    out.print(table)
    if suite.flaky:
        out.print(f"[yellow]flaky[/yellow] (repeats disagree): {', '.join(suite.flaky[:20])}")


def _print_diffs(results_path: Path, max_diffs: int) -> None:
    from agentkit.evals.report import iter_results

    shown = 0
    hidden = 0
    for case in iter_results(results_path):
        if case["passed"]:
            continue
        if shown >= max_diffs:
            hidden += 1
            continue
        shown += 1
        out.print(
            f"[red]FAIL[/red] [bold]{escape(case['id'])}[/bold]"
            + (
                f"  [dim]{escape(case.get('description') or '')}[/dim]"
                if case.get("description")
                else ""
            )
        )
        if case.get("error"):
            out.print(
                f"    error: {escape(str(case.get('error_class')))}: {escape(str(case['error']))}"
            )
        for name, fam in (case.get("families") or {}).items():
            if fam.get("passed"):
                continue
            out.print(
                f"    {name}: expected {' '.join(fam['expected']) or '-'}  got "
                f"{' '.join(fam['predicted']) or '-'}"
            )
            for code in fam.get("missed", []):
                out.print(f"      [red]- {code}[/red] missed")
            for code in fam.get("added", []):
                out.print(f"      [yellow]+ {code}[/yellow] added")
            if fam.get("primary_ok") is False and fam.get("predicted"):
                out.print("      principal code is not first")
            for d in fam.get("modifier_diffs", []) + fam.get("unit_diffs", []):
                out.print(f"      {escape(d)}")
        for d in case.get("field_diffs") or []:
            out.print(f"    {escape(d)}")
    if hidden:
        out.print(f"... {hidden} more failing case(s) in {results_path}")


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
