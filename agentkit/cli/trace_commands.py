"""``agentkit traces verify | stats | show | to-cases``.

Exit codes:
  0  success (verify: every chain intact; a torn last line from a crash is only a warning)
  1  verify found an edited, removed or reordered record
  2  bad usage: no trace directory, unreadable file, bad option
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from agentkit.errors import AgentkitError, ConfigError

__all__ = ["register", "resolve_trace_dir", "traces_app"]


def _console(stderr: bool) -> Console:
    """Tables stay readable in CI logs, where there is no terminal to size them by."""
    console = Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False, width=140)
    return console


out = _console(stderr=False)
err = _console(stderr=True)

traces_app = typer.Typer(
    name="traces",
    help="Inspect the trace store: verify hash chains, statistics, turn reviews into eval cases.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)

DirOpt = Annotated[
    Path | None,
    typer.Option("--dir", help="Trace directory (default: AGENTKIT_TRACE_DIR or [trace] dir)"),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables")]


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(code)


def resolve_trace_dir(directory: Path | None) -> Path:
    if directory is not None:
        return directory
    from agentkit.config import get_config

    try:
        return get_config().trace_dir()
    except ConfigError as exc:
        raise fail(str(exc)) from None


def _require_store(directory: Path) -> None:
    from agentkit.trace.store import trace_files

    if not directory.is_dir():
        raise fail(
            f"no trace directory at {directory}; set AGENTKIT_TRACE_DIR, [trace] dir, or --dir"
        )
    if not trace_files(directory):
        err.print(f"[yellow]note:[/yellow] {escape(str(directory))} holds no trace files yet")


def _parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} {value!r} is not a date; write YYYY-MM-DD") from None


@traces_app.command("verify")
def verify(
    directory: DirOpt = None,
    as_json: JsonOpt = False,
    anchors: Annotated[
        Path | None,
        typer.Option(
            "--anchors",
            help="JSON file of heads saved earlier with --save-anchors: also detects "
            "records cut off the end of a file",
        ),
    ] = None,
    save_anchors: Annotated[
        Path | None,
        typer.Option(
            "--save-anchors",
            help="Write each file's record count and head hash here (keep it "
            "somewhere the trace writer cannot change)",
        ),
    ] = None,
) -> None:
    """Check every trace file's hash chain; report edited, removed or reordered records."""
    from agentkit.trace.verify import verify_store

    directory = resolve_trace_dir(directory)
    _require_store(directory)
    anchor_data: dict[str, Any] | None = None
    if anchors is not None:
        try:
            anchor_data = json.loads(anchors.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise fail(f"--anchors {anchors}: {exc}") from None
        if not isinstance(anchor_data, dict):
            raise fail(f"--anchors {anchors}: expected a JSON object of file name -> head")
    try:
        report = verify_store(directory, anchor_data)
    except AgentkitError as exc:
        raise fail(str(exc)) from None
    if save_anchors is not None:
        save_anchors.write_text(
            json.dumps(report.anchors(), indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
    if as_json:
        out.print_json(json.dumps(report.as_json()))
    else:
        for damage in report.damages:
            err.print(f"[yellow]warning:[/yellow] {escape(str(damage))}")
        for problem in report.problems:
            err.print(
                f"[red]TAMPERED[/red] {escape(str(problem))}"
                + (f" (record {problem.record_id})" if problem.record_id else "")
            )
        files = len(report.files)
        if report.ok:
            out.print(
                f"[green]ok[/green]: {report.records} records in {files} file(s), every "
                "hash chain intact"
                + (f"; {len(report.damages)} torn line(s) skipped" if report.damages else "")
            )
        else:
            out.print(
                f"[red]{len(report.problems)} problem(s)[/red] in {report.records} records "
                f"across {files} file(s)"
            )
    if not report.ok:
        raise typer.Exit(1)


@traces_app.command("stats")
def stats(
    spec: Annotated[str | None, typer.Option("--spec", help="Only this spec")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only calls on or after YYYY-MM-DD")
    ] = None,
    directory: DirOpt = None,
    as_json: JsonOpt = False,
    top: Annotated[int, typer.Option("--top", help="Codes to list per table")] = 10,
) -> None:
    """Calls, auto-accept/override rates, check failures, tokens, cost, latency per spec version."""
    from agentkit.trace.stats import compute_stats

    directory = resolve_trace_dir(directory)
    _require_store(directory)
    try:
        result = compute_stats(directory, spec=spec, since=_parse_date(since, "--since"))
    except AgentkitError as exc:
        raise fail(str(exc)) from None
    if as_json:
        data = result.as_json()
        for group in data["specs"]:
            group["override_rate_per_code"] = group["override_rate_per_code"][:top]
        out.print_json(json.dumps(data))
        return
    for damage in result.damages:
        err.print(f"[yellow]warning:[/yellow] {escape(str(damage))}")
    if not result.groups:
        out.print("no traced calls match")
        return
    table = Table(title=f"Traces in {directory}" + (f" since {since}" if since else ""))
    for column in (
        "spec",
        "version",
        "calls",
        "auto-accept",
        "review",
        "failed",
        "override",
        "tokens in/out",
        "cost $",
        "p50 s",
        "p95 s",
    ):
        table.add_column(column, justify="left" if column in ("spec", "version") else "right")
    for g in result.groups:
        d = g.as_json()
        table.add_row(
            g.spec,
            g.spec_version,
            str(g.calls),
            _pct(d["auto_accept_rate"]),
            _pct(d["review_rate"]),
            str(g.failed),
            f"{_pct(d['override_rate'])} of {g.reviewed}",
            f"{g.input_tokens}/{g.output_tokens}",
            f"{g.cost_usd:.4f}",
            _num(d["latency_p50_s"]),
            _num(d["latency_p95_s"]),
        )
    out.print(table)
    for g in result.groups:
        d = g.as_json(top)
        if d["override_rate_per_code"]:
            t = Table(title=f"{g.spec} {g.spec_version}: override rate per code (reviewed calls)")
            for column in ("code", "overridden", "reviewed", "rate"):
                t.add_column(column, justify="left" if column == "code" else "right")
            for row in d["override_rate_per_code"]:
                t.add_row(
                    row["code"], str(row["overridden"]), str(row["reviewed"]), _pct(row["rate"])
                )
            out.print(t)
        if d["check_failures"]:
            t = Table(title=f"{g.spec} {g.spec_version}: check failures")
            t.add_column("check")
            t.add_column("findings", justify="right")
            for name, count in list(d["check_failures"].items())[:top]:
                t.add_row(name, str(count))
            out.print(t)


@traces_app.command("show")
def show(
    trace_id: Annotated[str, typer.Argument(help="Trace id (a unique prefix is enough)")],
    directory: DirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One traced call as an auditor sees it: versions, model, codes, evidence, findings, review."""
    from agentkit.cli.review_commands import show_item

    show_item(trace_id, directory, as_json)


@traces_app.command("to-cases")
def to_cases(
    spec: Annotated[str | None, typer.Option("--spec", help="Only calls of this spec")] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="JSON Lines file to append cases to (default: evals/<spec>/reviewed/cases.jsonl)",
        ),
    ] = None,
    inputs_file: Annotated[
        Path | None,
        typer.Option(
            "--inputs",
            help="JSON Lines of the original inputs (hash-redacted traces), matched by input hash",
        ),
    ] = None,
    notes_dir: Annotated[
        Path | None,
        typer.Option(
            "--notes", help="Folder of *.txt notes (hash-redacted traces), matched by keyed hash"
        ),
    ] = None,
    include_auto: Annotated[
        bool,
        typer.Option(
            "--include-auto", help="Also turn auto-accepted calls (no reviewer) into cases"
        ),
    ] = False,
    no_mask: Annotated[
        bool,
        typer.Option(
            "--no-mask", help="Do not mask identifiers in rebuilt notes (never for committed cases)"
        ),
    ] = False,
    directory: DirOpt = None,
) -> None:
    """Turn reviewed calls into eval cases, with the reviewer's codes as the expected output."""
    from agentkit.config import get_config
    from agentkit.evals.from_traces import ToCasesResult, cases_from_traces, write_cases
    from agentkit.trace.keys import TextHasher, resolve_key

    directory = resolve_trace_dir(directory)
    _require_store(directory)
    if output is None:
        if not spec:
            raise fail(
                "give --spec (the default output is evals/<spec>/reviewed/cases.jsonl) or --out"
            )
        output = _default_cases_out(spec)
    hasher = None
    if notes_dir is not None:
        key, _ = resolve_key(get_config().trace.key_env, directory)
        hasher = TextHasher(key)
    result = ToCasesResult()
    try:
        cases = cases_from_traces(
            directory,
            spec=spec,
            include_auto=include_auto,
            inputs_file=inputs_file,
            notes_dir=notes_dir,
            hasher=hasher,
            mask=not no_mask,
            result=result,
        )
        write_cases(output, cases, result)
    except AgentkitError as exc:
        raise fail(str(exc)) from None
    out.print(
        f"wrote {result.written} new case(s) to {output}"
        + (f" ({result.already_present} already there)" if result.already_present else "")
    )
    for why, count in result.skipped.most_common():
        err.print(f"[yellow]skipped {count}:[/yellow] {escape(why)}")
    if result.written:
        out.print(
            "check them, then run: agentkit eval "
            f"{spec or 'SPEC'} --cases {output}; move them under evals/<spec>/cases/ to "
            "add them to the gated suite"
        )


def _default_cases_out(spec: str) -> Path:
    try:
        from agentkit.spec.resolve import load

        compiled = load(spec)
        if compiled.evals_dir is not None:
            return compiled.evals_dir / "reviewed" / "cases.jsonl"
    except AgentkitError:
        pass
    return Path("evals") / spec / "reviewed" / "cases.jsonl"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def register(app: typer.Typer) -> None:
    app.add_typer(traces_app, name="traces")
