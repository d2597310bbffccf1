"""``agentkit validate | show | schema | render | run | codegen | spec-schema``.

Exit codes (documented in docs/cli.md):
  0  success
  1  the spec has errors (validate), or the call failed (run)
  2  bad usage or a bad input file / inputs (including InputError)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from agentkit.errors import AgentkitError, ConfigError, InputError, SpecError
from agentkit.result import Result, Status
from agentkit.spec.compiled import CompiledSpec

__all__ = ["register"]

out = Console(highlight=False, soft_wrap=True, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

InputFileOpt = Annotated[Path | None, typer.Option("--input", help="JSON file with the inputs")]
NoteFileOpt = Annotated[Path | None, typer.Option("--note", help="Text file with the note")]
SpecArg = Annotated[
    str, typer.Argument(help="Spec name (looked up in ./specs) or path to a .yaml file")
]


def _load(spec: str, route: list[str] | None = None) -> CompiledSpec[Any, Any]:
    from agentkit.spec.resolve import load

    try:
        return load(spec, route=route)
    except SpecError as exc:
        _print_spec_error(exc)
        raise typer.Exit(1) from None
    except (ConfigError, ValueError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None


def _print_spec_error(exc: SpecError) -> None:
    for issue in exc.issues:
        err.print(str(issue), markup=False)
    n = len(exc.issues)
    err.print(f"[red]{n} error{'s' if n != 1 else ''}[/red]")


def _spec_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted([*p.glob("*.yaml"), *p.glob("*.yml")]))
        else:
            files.append(p)
    return files


def validate(
    paths: Annotated[list[Path], typer.Argument(help="Spec files or folders of specs")],
) -> None:
    """Check spec files and list every error with file:line:column and a fix."""
    from agentkit.spec.compiler import compile_spec

    files = _spec_files(paths)
    if not files:
        err.print("[red]error:[/red] no .yaml spec files found in the given paths")
        raise typer.Exit(2)
    failed = 0
    for file in files:
        try:
            spec = compile_spec(file)
        except SpecError as exc:
            failed += 1
            _print_spec_error(exc)
            continue
        out.print(
            f"[green]ok[/green] {file}  ({spec.name} {spec.version}, {spec.fingerprint[:12]})"
        )
    if failed:
        err.print(f"[red]{failed} of {len(files)} spec file(s) have errors[/red]")
        raise typer.Exit(1)


def show(spec: SpecArg) -> None:
    """Print a spec's version, fingerprint, inputs, outputs, checks and route."""
    from agentkit.config import get_config
    from agentkit.spec.prompt import describe_fields

    s = _load(spec)
    out.print(f"[bold]{s.name}[/bold] {s.version}  — {s.title}")
    out.print(f"file:        {s.path}")
    out.print(f"fingerprint: {s.fingerprint}")
    if s.owner:
        out.print(f"owner:       {s.owner}")
    out.print(f"route:       {', '.join(s.effective_route(get_config()))}")
    out.print(f"checks:      {', '.join(c.check.name for c in s.checks)}")
    reviews = [
        f"{k}={v}"
        for cond in s.review_policy.when
        for k, v in cond.model_dump(exclude_none=True).items()
    ]
    out.print(f"review when: {'; '.join(reviews) or '(never)'}")
    out.print("\n[bold]inputs[/bold]")
    out.print(describe_fields(s.input_fields), markup=False)
    out.print("\n[bold]outputs[/bold]")
    out.print(describe_fields(s.output_fields), markup=False)


def schema(
    spec: SpecArg,
    input_: Annotated[bool, typer.Option("--input", help="The input schema")] = False,
    output: Annotated[bool, typer.Option("--output", help="The output schema (default)")] = False,
) -> None:
    """Print the JSON Schema of a spec's input or output contract."""
    s = _load(spec)
    if input_ and output:
        out.print(json.dumps({"input": s.input_schema, "output": s.output_schema}, indent=2))
        return
    out.print(json.dumps(s.input_schema if input_ else s.output_schema, indent=2), markup=False)


def _read_inputs(
    input_file: Path | None, note_file: Path | None, extra: dict[str, Any]
) -> dict[str, Any]:
    if (input_file is None) == (note_file is None):
        err.print("[red]error:[/red] give exactly one of --input FILE.json or --note FILE.txt")
        raise typer.Exit(2)
    try:
        if input_file is not None:
            data = json.loads(input_file.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                err.print(f"[red]error:[/red] {input_file} must hold a JSON object of inputs")
                raise typer.Exit(2)
        else:
            assert note_file is not None
            data = {"note": note_file.read_text(encoding="utf-8")}
    except FileNotFoundError as exc:
        err.print(f"[red]error:[/red] file not found: {exc.filename}")
        raise typer.Exit(2) from None
    except UnicodeDecodeError:
        err.print("[red]error:[/red] the file is not UTF-8 text")
        raise typer.Exit(2) from None
    except json.JSONDecodeError as exc:
        err.print(
            f"[red]error:[/red] {input_file}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})"
        )
        raise typer.Exit(2) from None
    data.update({k: v for k, v in extra.items() if v is not None})
    return data


def render(
    spec: SpecArg,
    input_file: InputFileOpt = None,
    note_file: NoteFileOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the messages as JSON")] = False,
) -> None:
    """Print the exact messages that would be sent to a model for these inputs."""
    s = _load(spec)
    data = _read_inputs(input_file, note_file, {})
    try:
        inputs = s.validate_inputs(data)
        messages = s.render(inputs, s.candidate_codes(inputs.model_dump(mode="json")))
    except InputError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    except SpecError as exc:
        _print_spec_error(exc)
        raise typer.Exit(1) from None
    if as_json:
        out.print(
            json.dumps([{"role": m.role, "content": m.content} for m in messages], indent=2),
            markup=False,
        )
        return
    for m in messages:
        out.rule(f"[bold]{m.role}[/bold]")
        out.print(m.content, markup=False)


def run(
    spec: SpecArg,
    input_file: InputFileOpt = None,
    note_file: NoteFileOpt = None,
    provider: Annotated[
        list[str] | None,
        typer.Option(
            "--provider",
            "-p",
            help="Route entry to use instead of the spec's route "
            "(repeat or comma-separate for a fallback chain), e.g. local",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole Result as JSON")] = False,
) -> None:
    """Run a spec on one input and print the coded answer, findings and review decision."""
    route = [p.strip() for item in provider or [] for p in item.split(",") if p.strip()] or None
    s = _load(spec, route)
    data = _read_inputs(input_file, note_file, {})
    try:
        result = s(data)
    except InputError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    except SpecError as exc:
        _print_spec_error(exc)
        raise typer.Exit(1) from None
    except AgentkitError as exc:
        if as_json:
            payload = {
                "status": "failed",
                "error": str(exc),
                "error_class": type(exc).__name__,
                "attempts": [a.model_dump(mode="json") for a in getattr(exc, "attempts", [])],
                "trace_id": getattr(exc, "trace_id", None),
            }
            out.print(json.dumps(payload, indent=2), markup=False)
        else:
            err.print(f"[red]failed:[/red] {type(exc).__name__}: {escape(str(exc))}")
            for a in getattr(exc, "attempts", []):
                err.print(
                    f"  attempt {a.provider} {a.status} {a.error_class or ''} {a.error or ''}",
                    markup=False,
                )
        raise typer.Exit(1) from None
    if as_json:
        out.print(json.dumps(result.summary(), indent=2), markup=False)
        return
    _print_result(s, result)


def _print_result(spec: CompiledSpec[Any, Any], result: Result[Any]) -> None:
    colour = {Status.ACCEPTED: "green", Status.NEEDS_REVIEW: "yellow", Status.FAILED: "red"}[
        result.status
    ]
    out.print(
        f"[bold]{spec.name}[/bold] {spec.version} on [bold]{result.provider}[/bold]"
        f" → [{colour}]{result.status.value}[/{colour}]"
    )
    output = result.output
    assert output is not None
    for name, field in spec.output_fields.items():
        value = getattr(output, name, None)
        if field.type == "list" and field.items is not None and field.items.type == "object":
            item_fields = field.items.fields or {}
            # free-text fields (rationale) read better as notes under the table than as a column
            notes = [c for c, f in item_fields.items() if f.type == "text"]
            columns = ["#", *[c for c in item_fields if c not in notes]]
            table = Table(title=name, show_lines=False, title_justify="left")
            for col in columns:
                table.add_column(col, overflow="fold", max_width=56 if col == "evidence" else None)
            for i, item in enumerate(value or [], 1):
                cells = [str(i), *[_cell(getattr(item, c, None)) for c in columns[1:]]]
                table.add_row(*[Text(c) for c in cells])
            if not value:
                table.add_row(*(["", "(none)"] + [""] * (len(columns) - 2)))
            out.print(table)
            for i, item in enumerate(value or [], 1):
                for c in notes:
                    text = _cell(getattr(item, c, None))
                    if text:
                        out.print(Text(f"  {i}. {c}: {text}", style="dim"))
        elif field.type == "object" and value is not None:
            out.print(
                f"[bold]{name}[/bold]: "
                + escape(", ".join(f"{k}={_cell(v)}" for k, v in value.model_dump().items()))
            )
        else:
            out.print(f"[bold]{name}[/bold]: {escape(_cell(value))}")
    if result.findings:
        table = Table(title="findings", title_justify="left")
        for col in ("severity", "check", "where", "message"):
            table.add_column(col, overflow="fold")
        for f in result.findings:
            sev = "[red]error[/red]" if f.severity == "error" else f"[yellow]{f.severity}[/yellow]"
            table.add_row(sev, f.check, Text(f.path or ""), Text(f.message))
        out.print(table)
    if result.review.needed:
        out.print("[yellow]needs review:[/yellow]")
        for reason in result.review.reasons:
            out.print(f"  - {reason}", markup=False)
    u = result.usage
    cost = f", ${u.cost_usd:.4f}" if u.cost_usd is not None else ""
    out.print(
        f"[dim]{u.attempts} attempt(s), {u.input_tokens}+{u.output_tokens} tokens{cost}, "
        f"{u.latency_s * 1000:.0f} ms, trace {result.trace_id or '(not traced)'}[/dim]"
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def codegen(
    specs_dir: Annotated[Path, typer.Argument(help="Folder of spec files (or one spec file)")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write the modules into")],
) -> None:
    """Write one typed Python module per spec (Input/Output classes and a typed function)."""
    from agentkit.spec.codegen import write_modules
    from agentkit.spec.compiler import compile_spec

    files = _spec_files([specs_dir])
    if not files:
        err.print(f"[red]error:[/red] no spec files in {specs_dir}")
        raise typer.Exit(2)
    compiled = []
    for f in files:
        try:
            compiled.append(compile_spec(f))
        except SpecError as exc:
            _print_spec_error(exc)
            raise typer.Exit(1) from None
    for path in write_modules(compiled, out_dir):
        out.print(f"wrote {path}")


def spec_schema(
    output: Annotated[
        Path | None, typer.Option("--out", help="Write to this file instead of stdout")
    ] = None,
) -> None:
    """Print the JSON Schema of the spec file format (for editor autocomplete and linting)."""
    from agentkit.spec.editor_schema import spec_file_schema

    text = json.dumps(spec_file_schema(), indent=2)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
        out.print(f"wrote {output}")
    else:
        sys.stdout.write(text + "\n")


def register(app: typer.Typer) -> None:
    app.command()(validate)
    app.command()(show)
    app.command()(schema)
    app.command()(render)
    app.command()(run)
    app.command()(codegen)
    app.command("spec-schema")(spec_schema)
