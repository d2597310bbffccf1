"""``agentkit check``: the claim scrubber for coders, no model involved.

    agentkit check --codes 47562,49320 --dos 2024-08-01 --dx K80.20
    agentkit check --codes "29881-RT 20610-59-LT 11045x2" --sex F --age 54
    agentkit check claim.json --json
    agentkit run cpt_coding note.txt --json | agentkit check -    (a spec answer, as it is)

Exit status: 0 when no error finding, 1 when any error finding, 2 for bad usage or input.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from agentkit.errors import AgentkitError

__all__ = ["check", "register"]

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def register(app: typer.Typer) -> None:
    app.command(
        "check",
        help=(
            "Check a claim's codes against NCCI PTP, MUE, add-on, modifier, ICD-10-CM, age/sex "
            "and coverage rules. Exit status: 0 no error finding, 1 an error finding, 2 bad input."
        ),
    )(check)


def _fail(message: str) -> typer.Exit:
    Console(stderr=True, highlight=False).print(f"[bold red]error:[/] {escape(message)}")
    return typer.Exit(2)


def _parse_dos(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise _fail(
            f"--dos {text!r} is not a date; write it as YYYY-MM-DD (e.g. 2024-08-01)"
        ) from None


def check(
    claim_file: Annotated[
        Path | None,
        typer.Argument(
            help="Claim JSON file (see docs/coding-knowledge.md), '-' for standard input; "
            "or use --codes.",
            show_default=False,
        ),
    ] = None,
    codes: Annotated[
        str | None,
        typer.Option(
            "--codes",
            "-c",
            help="Procedure codes as coders write them: 47562,49320 or '29881-RT 11045x2'.",
        ),
    ] = None,
    dx: Annotated[
        str | None, typer.Option("--dx", help="ICD-10-CM codes, first-listed first: K80.20,E11.9")
    ] = None,
    dos: Annotated[
        str | None, typer.Option("--dos", help="Date of service YYYY-MM-DD (default: today).")
    ] = None,
    sex: Annotated[str | None, typer.Option("--sex", help="Patient sex: F or M.")] = None,
    age: Annotated[int | None, typer.Option("--age", min=0, max=130, help="Patient age.")] = None,
    setting: Annotated[
        str | None,
        typer.Option("--setting", help="practitioner (default) or hospital NCCI tables."),
    ] = None,
    only: Annotated[
        str | None,
        typer.Option("--only", help="Run only these checks, comma-separated (e.g. ncci_ptp,mue)."),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also show notes (edits a modifier bypassed).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Scrub one claim and print its findings."""
    from dataclasses import replace

    from agentkit.coding.claim import Claim, normalize_sex
    from agentkit.coding.claim_file import claim_from_json, load_claim
    from agentkit.coding.knowledge import knowledge
    from agentkit.coding.scrub import CHECKS, claim_date, scrub

    if claim_file is None and not codes and not dx:
        raise _fail(
            "give a claim JSON file or --codes/--dx (try: agentkit check --codes 47562,49320)"
        )
    if claim_file is not None and (codes or dx):
        raise _fail("give either a claim JSON file or --codes/--dx, not both")
    if setting is not None and setting not in ("practitioner", "hospital"):
        raise _fail(f"--setting must be practitioner or hospital, not {setting!r}")
    if (
        sex is not None
        and normalize_sex(sex) is None
        and sex.strip().lower() not in ("u", "unknown")
    ):
        raise _fail(f"--sex {sex!r}: use F or M")
    checks = None
    if only:
        checks = [c.strip() for c in only.split(",") if c.strip()]
        unknown = [c for c in checks if c not in CHECKS]
        if unknown:
            raise _fail(f"unknown check(s) {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    service_date = _parse_dos(dos)
    try:
        if claim_file is not None:
            if str(claim_file) == "-":
                claim = claim_from_json(sys.stdin.read(), "<stdin>")
            else:
                claim = load_claim(claim_file)
            overrides: dict[str, Any] = {}
            if service_date is not None:
                overrides["date_of_service"] = service_date
            if sex is not None:
                overrides["sex"] = normalize_sex(sex)
            if age is not None:
                overrides["age"] = age
            if setting is not None:
                overrides["setting"] = setting
            claim = replace(claim, **overrides) if overrides else claim
        else:
            claim = Claim.from_codes(
                codes or "",
                dx=dx or "",
                date_of_service=service_date,
                sex=sex,
                age=age,
                setting="hospital" if setting == "hospital" else "practitioner",
            )
        findings = scrub(claim, checks)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    except AgentkitError as exc:
        raise _fail(str(exc)) from None
    when = claim_date(claim)
    kb = knowledge(when, claim.setting)
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    if as_json:
        doc = {
            "claim": {
                "procedures": [ln.display() for ln in claim.lines],
                "diagnoses": [d.code for d in claim.diagnoses],
                "date_of_service": when.isoformat(),
                "setting": claim.setting,
                "sex": claim.sex,
                "age": claim.age,
            },
            "findings": [f.model_dump(mode="json") for f in findings],
            "errors": errors,
            "warnings": warnings,
            "versions": {v.kind: v.label for v, _ in kb.versions()},
            "stale": [v.label for v in kb.stale()],
        }
        typer.echo(json.dumps(doc, indent=2))
    else:
        _print_report(claim, findings, kb, show_all)
    raise typer.Exit(1 if errors else 0)


def _print_report(claim: Any, findings: list[Any], kb: Any, show_all: bool) -> None:
    console = Console(highlight=False, soft_wrap=True)
    procedures = ", ".join(ln.display() for ln in claim.lines) or "none"
    diagnoses = ", ".join(d.code for d in claim.diagnoses) or "none"
    patient = " ".join(
        p for p in (claim.sex or "", f"age {claim.age}" if claim.age is not None else "") if p
    )
    console.print(
        f"[bold]Claim[/] {escape(procedures)}  [bold]dx[/] {escape(diagnoses)}  "
        f"[bold]DOS[/] {kb.dos.isoformat()}  [bold]{claim.setting}[/]"
        + (f"  [bold]patient[/] {escape(patient)}" if patient else "")
    )
    shown = [f for f in findings if show_all or f.severity != "info"]
    hidden = len(findings) - len(shown)
    shown.sort(key=lambda f: _SEVERITY_ORDER.get(f.severity, 3))
    if shown:
        table = Table(show_lines=True, expand=True)
        table.add_column("", no_wrap=True, width=7)
        table.add_column("check", no_wrap=True)
        table.add_column("where")
        table.add_column("finding", ratio=1)
        for f in shown:
            style = _SEVERITY_STYLE.get(f.severity, "")
            text = escape(f.message)
            if f.source:
                text += f"\n[dim]{escape(f.source)}[/]"
            table.add_row(f"[{style}]{f.severity.upper()}[/]", f.check, escape(f.path or ""), text)
        console.print(table)
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    summary = f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
    if hidden:
        summary += f", {_count(hidden, 'note')} hidden (--all shows them)"
    style = "bold red" if errors else ("yellow" if warnings else "bold green")
    console.print(f"[{style}]{summary}[/]" + ("" if findings else " - the claim passes every edit"))
    stale = kb.stale()
    if stale:
        console.print(
            f"[yellow]Note:[/] these rules do not cover {kb.dos.isoformat()}; the nearest "
            "version was used (import current CMS files with `agentkit codes import`):"
        )
        for v in stale:
            console.print(f"  - {escape(v.describe())}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
