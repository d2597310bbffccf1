"""``agentkit review list | show | accept | override``.

Every decision is appended to the trace store as an audit event (reviewer, time, codes
before and after, reason); no earlier record is ever changed.

Exit codes:
  0  success
  2  bad usage: unknown or ambiguous trace id, a call with nothing to accept, bad codes
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from agentkit.cli.trace_commands import err, fail, out, resolve_trace_dir
from agentkit.errors import AgentkitError, ReviewError

__all__ = ["register", "review_app", "show_item"]

review_app = typer.Typer(
    name="review",
    help="Work the review queue: list open answers, show one, accept it or override its codes.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)

DirOpt = Annotated[
    Path | None,
    typer.Option("--dir", help="Trace directory (default: AGENTKIT_TRACE_DIR or [trace] dir)"),
]
IdArg = Annotated[str, typer.Argument(help="Trace id (a unique prefix is enough)")]
ReviewerOpt = Annotated[
    str | None,
    typer.Option("--reviewer", help="Who decides (default: $AGENTKIT_REVIEWER or the OS user)"),
]
_STATES = ("open", "accepted", "overridden", "auto_accepted", "failed", "all")


@review_app.command("list")
def list_command(
    spec: Annotated[str | None, typer.Option("--spec", help="Only this spec")] = None,
    status: Annotated[
        str,
        typer.Option(
            "--status",
            help="open (= needs_review), accepted, overridden, auto_accepted, failed, all",
        ),
    ] = "open",
    directory: DirOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many")] = 200,
) -> None:
    """Answers waiting for a reviewer (or with another review state)."""
    from agentkit.review.queue import list_items

    wanted = "open" if status == "needs_review" else status
    if wanted not in _STATES:
        raise fail(f"--status {status!r}: use one of needs_review, {', '.join(_STATES)}")
    directory = resolve_trace_dir(directory)
    items, reader = list_items(directory, spec=spec, states=None if wanted == "all" else (wanted,))
    for damage in reader.damages:
        err.print(f"[yellow]warning:[/yellow] {escape(str(damage))}")
    if as_json:
        out.print_json(json.dumps([_summary(i) for i in items[:limit]]))
        return
    if not items:
        out.print(f"no {wanted.replace('_', ' ')} items" + (f" for {spec}" if spec else ""))
        return
    table = Table(title=f"{len(items)} {wanted.replace('_', ' ')} item(s)")
    for column in ("id", "time", "spec", "state", "codes", "reasons"):
        table.add_column(column, overflow="fold", no_wrap=column in ("id", "time", "state"))
    for item in items[:limit]:
        s = _summary(item)
        table.add_row(
            item.trace_id,
            item.time[:19],
            f"{item.spec} {item.spec_version}",
            item.state,
            " ".join(s["codes"]) or "-",
            escape("; ".join(item.reasons)[:160]) or "-",
        )
    out.print(table)
    if len(items) > limit:
        out.print(f"... {len(items) - limit} more (use --limit)")


def _summary(item: Any) -> dict[str, Any]:
    from agentkit.review.codes import families_for_record, flat_codes, lines_of

    families = families_for_record(item.record)
    return {
        "id": item.trace_id,
        "time": item.time,
        "spec": item.spec,
        "spec_version": item.spec_version,
        "state": item.state,
        "codes": flat_codes(lines_of(item.record.get("output"), families)),
        "reasons": item.reasons,
    }


def show_item(trace_id: str, directory: Path | None, as_json: bool) -> None:
    from agentkit.review.queue import find_call

    directory = resolve_trace_dir(directory)
    try:
        item = find_call(directory, trace_id)
    except ReviewError as exc:
        raise fail(str(exc)) from None
    record = item.record
    if as_json:
        out.print_json(
            json.dumps({"record": record, "review_events": item.events, "state": item.state})
        )
        return
    out.print(f"[bold]{item.trace_id}[/bold]  {item.time}  state: [bold]{item.state}[/bold]")
    out.print(
        f"spec {item.spec} {item.spec_version}  fingerprint {str(record.get('fingerprint'))[:16]}  "
        f"redaction {record.get('redaction', '?')}"
    )
    if record.get("codeset_versions"):
        out.print(
            "code sets: " + ", ".join(f"{k} {v}" for k, v in record["codeset_versions"].items())
        )
    out.print(
        f"answer from {record.get('provider') or '-'} (model {record.get('model') or '-'}, "
        f"request {record.get('request_id') or '-'}); status {record.get('status')}"
    )
    attempts = Table(title="attempts")
    for column in ("provider", "model", "status", "request id", "tokens in/out", "s", "error"):
        attempts.add_column(column, overflow="fold")
    for a in record.get("attempts") or []:
        attempts.add_row(
            str(a.get("provider")),
            str(a.get("model") or ""),
            str(a.get("status")),
            str(a.get("request_id") or ""),
            f"{a.get('input_tokens', 0)}/{a.get('output_tokens', 0)}",
            f"{float(a.get('latency_s') or 0):.2f}",
            escape(str(a.get("error") or "")),
        )
    out.print(attempts)
    output = record.get("output")
    if output:
        out.print("[bold]output[/bold] (texts as the trace's redaction left them):")
        out.print_json(json.dumps(output))
    if record.get("error"):
        out.print(
            f"[red]error[/red] {escape(str(record.get('error_class')))}: "
            f"{escape(str(record['error']))}"
        )
    for f in record.get("findings") or []:
        colour = {"error": "red", "warning": "yellow"}.get(str(f.get("severity")), "dim")
        out.print(
            f"[{colour}]{f.get('severity')}[/{colour}] {escape(str(f.get('check')))}"
            f"{' at ' + str(f['path']) if f.get('path') else ''}: {escape(str(f.get('message')))}"
        )
    review = record.get("review") or {}
    out.print(f"review decision: {review.get('decision', '-')}")
    for reason in review.get("reasons") or []:
        out.print(f"  - {escape(str(reason))}")
    for e in item.events:
        out.print(
            f"[bold]{e.get('action')}[/bold] by {escape(str(e.get('reviewer')))} "
            f"at {e.get('time')}: "
            f"{' '.join(e.get('before') or []) or '-'} -> {' '.join(e.get('after') or []) or '-'}"
            + (f"  ({escape(str(e['reason']))})" if e.get("reason") else "")
        )


@review_app.command("show")
def show(
    trace_id: IdArg,
    directory: DirOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """One call: codes, evidence (per redaction), findings, review reasons, attempts, events."""
    show_item(trace_id, directory, as_json)


def _sink(directory: Path) -> Any:
    from agentkit.config import get_config
    from agentkit.trace.sink import open_sink

    config = get_config()
    try:
        return open_sink(
            directory,
            redaction=config.trace_redaction(),
            key_env=config.trace.key_env,
            fsync="always",
        )
    except AgentkitError as exc:
        raise fail(str(exc)) from None


@review_app.command("accept")
def accept(
    trace_id: IdArg,
    reviewer: ReviewerOpt = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Optional note")] = None,
    directory: DirOpt = None,
) -> None:
    """Accept the answer's codes as they are."""
    from agentkit.review.actions import accept as do_accept
    from agentkit.review.queue import find_call

    directory = resolve_trace_dir(directory)
    try:
        item = find_call(directory, trace_id)
        previous = item.state
        event = do_accept(item, _sink(directory), reviewer=reviewer, reason=reason)
    except AgentkitError as exc:
        raise fail(str(exc)) from None
    if previous in ("accepted", "overridden"):
        err.print(
            f"[yellow]note:[/yellow] {item.trace_id} was already {previous}; "
            "this decision is now the latest"
        )
    out.print(f"accepted {item.trace_id} by {event['reviewer']}: {' '.join(event['after']) or '-'}")


@review_app.command("override")
def override(
    trace_id: IdArg,
    codes: Annotated[
        str | None,
        typer.Option("--codes", help="The right codes: 47562,49320-59,64483*2,diagnoses:K80.20"),
    ] = None,
    reason: Annotated[str, typer.Option("--reason", help="Why the codes change (required)")] = "",
    clear: Annotated[
        list[str] | None,
        typer.Option("--clear", help="Remove every code of this output field (repeatable)"),
    ] = None,
    reviewer: ReviewerOpt = None,
    directory: DirOpt = None,
) -> None:
    """Replace the answer's codes (per output field) and record why."""
    from agentkit.review.actions import override as do_override
    from agentkit.review.queue import find_call

    directory = resolve_trace_dir(directory)
    try:
        item = find_call(directory, trace_id)
        event = do_override(
            item, _sink(directory), codes=codes, reason=reason, clear=clear or [], reviewer=reviewer
        )
    except AgentkitError as exc:
        raise fail(str(exc)) from None
    out.print(
        f"overrode {item.trace_id} by {event['reviewer']}: "
        f"{' '.join(event['before']) or '-'} -> {' '.join(event['after']) or '-'}"
    )


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
