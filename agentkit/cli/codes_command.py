"""``agentkit codes``: look codes up, import the current CMS files, see what is loaded.

    agentkit codes lookup 47562 K80.20 J1100 59
    agentkit codes import ncci-ptp ccipra-v322r0-f1.txt ccipra-v322r0-f2.txt ...
    agentkit codes list [--dos 2026-08-01]
    agentkit codes remove ncci_ptp "NCCI PTP practitioner 2026 Q3" --setting practitioner

Exit status: 0 on success, 1 when a looked-up code is unknown, 2 for bad usage or input.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from agentkit.errors import AgentkitError

__all__ = ["register"]

codes_app = typer.Typer(
    name="codes",
    help="Look up codes and import CMS code sets and edit tables.",
    no_args_is_help=True,
)

KINDS = (
    "ncci-ptp",
    "ncci-mue",
    "ncci-aoc",
    "hcpcs",
    "icd10cm",
    "cpt",
    "mce",
    "pfs",
    "coverage",
)


def register(app: typer.Typer) -> None:
    app.add_typer(codes_app, name="codes")


def _fail(message: str) -> typer.Exit:
    Console(stderr=True, highlight=False).print(f"[bold red]error:[/] {escape(message)}")
    return typer.Exit(2)


def _date(text: str | None, flag: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _fail(f"{flag} {text!r} is not a date (YYYY-MM-DD)") from None


@codes_app.command("lookup")
def lookup(
    codes: Annotated[list[str], typer.Argument(help="CPT, HCPCS, ICD-10-CM codes or modifiers.")],
    dos: Annotated[
        str | None, typer.Option("--dos", help="Date of service (default today).")
    ] = None,
) -> None:
    """Describe codes: CPT (codebook), HCPCS Level II, ICD-10-CM and modifiers."""
    from agentkit.coding.claim import code_system, normalize_dx
    from agentkit.coding.knowledge import knowledge

    kb = knowledge(_date(dos, "--dos"))
    console = Console(highlight=False, soft_wrap=True)
    missing = 0
    for raw in codes:
        code = raw.strip().upper()
        lines: list[str] = []
        if len(code) == 2 and (mod := kb.modifiers.get(code)) is not None:
            lines.append(f"modifier ({mod.source}, {mod.category}): {mod.description}")
        system = code_system(code) if len(code) == 5 else "unknown"
        if system == "cpt":
            entry = kb.cpt.get(code)
            if entry is not None:
                extra = ", ".join(
                    p
                    for p in (
                        f"global {entry.global_days}" if entry.global_days else "",
                        "add-on"
                        + (f" to {' '.join(entry.primaries[:6])}" if entry.primaries else "")
                        if entry.add_on
                        else "",
                        f"bilateral indicator {entry.bilateral}" if entry.bilateral else "",
                        f"retired after {entry.terminated}" if entry.terminated else "",
                    )
                    if p
                )
                lines.append(f"CPT {entry.section} / {entry.category}: {entry.description}")
                if extra:
                    lines.append(f"    {extra}")
            else:
                lines.append("CPT-shaped, not in the loaded CPT codebook")
        elif system == "hcpcs":
            h = kb.hcpcs.get(code)
            if h is not None:
                status = f" (terminated {h.terminated})" if h.terminated else ""
                lines.append(f"HCPCS Level II: {h.description}{status}")
        dx = kb.icd10cm.get(normalize_dx(code))
        if dx is not None:
            state = (
                "billable"
                if dx.billable
                else ("needs a 7th character" if dx.requires_7th else "header, not billable")
            )
            lines.append(f"ICD-10-CM {dx.code} ({state}): {dx.description}")
        if not lines:
            missing += 1
            lines.append("[red]unknown[/] in the code sets loaded for " + kb.dos.isoformat())
            console.print(f"[bold]{escape(code)}[/]  {lines[0]}")
            continue
        console.print(f"[bold]{escape(code)}[/]  {escape(lines[0])}")
        for more in lines[1:]:
            console.print(f"       {escape(more)}")
    raise typer.Exit(1 if missing else 0)


@codes_app.command("list")
def list_versions(
    dos: Annotated[
        str | None, typer.Option("--dos", help="Date of service (default today).")
    ] = None,
    setting: Annotated[
        str, typer.Option("--setting", help="practitioner or hospital.")
    ] = "practitioner",
) -> None:
    """Show which code-set and edit versions are in force for a date, and what is imported."""
    from agentkit.coding.knowledge import knowledge
    from agentkit.coding.store import coding_dir, list_datasets

    if setting not in ("practitioner", "hospital"):
        raise _fail("--setting must be practitioner or hospital")
    kb = knowledge(_date(dos, "--dos"), "hospital" if setting == "hospital" else "practitioner")
    console = Console(highlight=False, soft_wrap=True)
    table = Table(title=f"In force on {kb.dos.isoformat()} ({setting})")
    table.add_column("kind")
    table.add_column("version")
    table.add_column("covers the date")
    for version, covers in kb.versions():
        table.add_row(
            version.kind, escape(version.describe()), "yes" if covers else "[yellow]no[/]"
        )
    console.print(table)
    stored = list_datasets()
    console.print(f"Imported data sets in {coding_dir()}: {len(stored)}")
    for ds in stored:
        console.print(
            f"  - {escape(ds.version.describe())}: {ds.rows} rows, from {escape(ds.version.source)}"
        )


@codes_app.command("import")
def import_files(
    kind: Annotated[str, typer.Argument(help=f"One of: {', '.join(KINDS)}.")],
    files: Annotated[list[Path], typer.Argument(help="The CMS (or AMA) file(s), as downloaded.")],
    setting: Annotated[
        str | None, typer.Option("--setting", help="practitioner or hospital (NCCI tables).")
    ] = None,
    label: Annotated[
        str | None, typer.Option("--label", help="Version label findings cite.")
    ] = None,
    effective_from: Annotated[
        str | None, typer.Option("--from", help="First day in force.")
    ] = None,
    effective_to: Annotated[str | None, typer.Option("--to", help="Last day in force.")] = None,
    mode: Annotated[
        str, typer.Option("--mode", help="cpt: extend (default) or replace.")
    ] = "extend",
) -> None:
    """Import a downloaded CMS file; the prepared index is kept in the coding data directory."""
    if kind not in KINDS:
        raise _fail(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    for f in files:
        if not f.is_file():
            raise _fail(f"{f} is not a file")
    lo = _date(effective_from, "--from")
    hi = _date(effective_to, "--to")
    try:
        summary = _IMPORTERS[kind](files, setting, label, lo, hi, mode)
    except AgentkitError as exc:
        raise _fail(str(exc)) from None
    except ValueError as exc:
        raise _fail(str(exc)) from None
    Console(highlight=False).print(f"[bold green]imported[/] {escape(summary)}")


@codes_app.command("remove")
def remove(
    kind: Annotated[str, typer.Argument(help="ncci_ptp, mue, aoc, hcpcs, icd10cm, cpt, mce, pfs.")],
    label: Annotated[str, typer.Argument(help="The label shown by `agentkit codes list`.")],
    setting: Annotated[
        str | None, typer.Option("--setting", help="practitioner or hospital (NCCI tables).")
    ] = None,
) -> None:
    """Remove an imported data set (the bundled data comes back into force)."""
    from agentkit.coding.store import remove_dataset

    if not remove_dataset(kind.replace("-", "_"), label, setting):
        raise _fail(f"no imported {kind} data set labelled {label!r} (see `agentkit codes list`)")
    Console(highlight=False).print(f"[bold green]removed[/] {escape(label)}")


def _one(files: list[Path], kind: str) -> Path:
    if len(files) != 1:
        raise _fail(f"{kind} takes exactly one file")
    return files[0]


def _ptp(
    files: list[Path],
    setting: str | None,
    label: str | None,
    lo: date | None,
    hi: date | None,
    _m: str,
) -> str:
    from agentkit.coding.importers.ncci_ptp import import_ncci_ptp

    stored, table = import_ncci_ptp(
        files, setting=setting, label=label, effective_from=lo, effective_to=hi
    )
    return f"{stored.version.describe()}: {len(table):,} edits"


def _mue(
    files: list[Path],
    setting: str | None,
    label: str | None,
    lo: date | None,
    hi: date | None,
    _m: str,
) -> str:
    from agentkit.coding.importers.ncci_mue import import_ncci_mue

    stored, table = import_ncci_mue(
        _one(files, "ncci-mue"), setting=setting, label=label, effective_from=lo, effective_to=hi
    )
    return f"{stored.version.describe()}: {len(table):,} codes"


def _aoc(
    files: list[Path], _s: str | None, label: str | None, lo: date | None, hi: date | None, _m: str
) -> str:
    from agentkit.coding.importers.ncci_aoc import import_ncci_aoc

    stored, table = import_ncci_aoc(
        _one(files, "ncci-aoc"), label=label, effective_from=lo, effective_to=hi
    )
    return f"{stored.version.describe()}: {len(table):,} add-on/primary pairs"


def _hcpcs(
    files: list[Path], _s: str | None, label: str | None, lo: date | None, hi: date | None, _m: str
) -> str:
    from agentkit.coding.importers.hcpcs_anweb import import_hcpcs_anweb

    stored, codes = import_hcpcs_anweb(
        _one(files, "hcpcs"), label=label, effective_from=lo, effective_to=hi
    )
    return f"{stored.version.describe()}: {len(codes):,} codes"


def _icd(
    files: list[Path], _s: str | None, label: str | None, lo: date | None, hi: date | None, _m: str
) -> str:
    from agentkit.coding.importers.icd10cm_tabular import import_icd10cm

    xml = next((f for f in files if f.suffix.lower() == ".xml"), None)
    order = next((f for f in files if f.suffix.lower() != ".xml"), None)
    version, data = import_icd10cm(xml, order, label=label, effective_from=lo, effective_to=hi)
    return f"{version.describe()}: {len(data.nodes):,} categories and subcategories"


def _cpt(
    files: list[Path],
    _s: str | None,
    label: str | None,
    _lo: date | None,
    _hi: date | None,
    mode: str,
) -> str:
    from agentkit.coding.importers.cpt_ama import import_ama_cpt

    if mode not in ("extend", "replace"):
        raise _fail("--mode must be extend or replace")
    stored, book = import_ama_cpt(
        _one(files, "cpt"), mode="replace" if mode == "replace" else "extend", label=label
    )
    described = stored.version.describe()
    return f"{described}: {stored.rows:,} codes ({mode}); codebook now {len(book):,} codes"


def _mce(
    files: list[Path],
    _s: str | None,
    label: str | None,
    _lo: date | None,
    _hi: date | None,
    _m: str,
) -> str:
    from agentkit.coding.importers.mce import import_mce

    stored, lists = import_mce(_one(files, "mce"), label=label)
    return f"{stored.version.describe()}: {len(lists.by_code):,} codes"


def _pfs(
    files: list[Path], _s: str | None, label: str | None, lo: date | None, _hi: date | None, _m: str
) -> str:
    from agentkit.coding.importers.pfs_rvu import import_pfs_rvu

    stored, ind = import_pfs_rvu(_one(files, "pfs"), label=label, effective_from=lo)
    return f"{stored.version.describe()}: {len(ind):,} codes"


def _coverage(files: list[Path], *_: Any) -> str:
    import shutil

    from agentkit.coding.edits.coverage import load_policy
    from agentkit.coding.store import coding_dir, mark_changed

    target = coding_dir() / "coverage"
    names = []
    for f in files:
        policy = load_policy(f)  # validates before copying
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target / f.name)
        names.append(policy.policy)
    mark_changed()
    return f"coverage policies {', '.join(names)} into {target}"


_IMPORTERS: dict[str, Callable[..., str]] = {
    "ncci-ptp": _ptp,
    "ncci-mue": _mue,
    "ncci-aoc": _aoc,
    "hcpcs": _hcpcs,
    "icd10cm": _icd,
    "cpt": _cpt,
    "mce": _mce,
    "pfs": _pfs,
    "coverage": _coverage,
}
