"""What a reviewer types after ``--codes``, and the code lines of a traced answer.

``--codes 47562,49320-59,64483*2,diagnoses:K80.20``: each item is a code, optionally followed
by modifiers (``-59``, ``-RT-59``) and units (``*2``), optionally prefixed by the output field
it belongs to. Without a prefix a code goes to the only code field of its type (CPT codes to
``procedures``, ICD-10-CM to ``diagnoses``). Fields the reviewer names no code for keep the
model's codes; ``--clear FIELD`` empties one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from agentkit.errors import ReviewError
from agentkit.evals.code_fields import (
    CodeFamily,
    CodeLine,
    code_families,
    extract_lines,
    format_line,
    guess_families,
    normalize_code,
    type_of_code,
)

__all__ = ["apply_override", "families_for_record", "flat_codes", "lines_of", "parse_codes"]

_ITEM = re.compile(
    r"^(?:(?P<family>[A-Za-z_][\w.]*):)?(?P<code>[A-Za-z0-9.]+)"
    r"(?P<mods>(?:-[A-Za-z0-9]{2})*)(?:\*(?P<units>\d+))?$"
)


def families_for_record(record: Mapping[str, Any]) -> list[CodeFamily]:
    """The code families of a traced call: from its spec when it still loads, else guessed."""
    spec_path = record.get("spec_path")
    candidates: list[str] = []
    if isinstance(spec_path, str) and Path(spec_path).is_file():
        candidates.append(spec_path)
    if isinstance(record.get("spec"), str):
        candidates.append(record["spec"])
    for candidate in candidates:
        try:
            from agentkit.spec.resolve import load

            families = code_families(load(candidate).output_fields)
        except Exception:
            continue
        if families:
            return families
    output = record.get("output") or {}
    return guess_families(output) if isinstance(output, Mapping) else []


def lines_of(
    output: Mapping[str, Any] | None, families: Sequence[CodeFamily]
) -> dict[str, list[CodeLine]]:
    data = output or {}
    return {fam.name: extract_lines(data, fam) for fam in families}


def flat_codes(lines: Mapping[str, list[CodeLine]]) -> list[str]:
    """``["47562", "49320-59", "K80.20"]``: the audit event's before / after."""
    return [format_line(x) for fam_lines in lines.values() for x in fam_lines]


def parse_codes(text: str, families: Sequence[CodeFamily]) -> dict[str, list[CodeLine]]:
    """The reviewer's codes per family (only the families they named codes for)."""
    items = [t.strip() for t in re.split(r"[,\s]+", text) if t.strip()]
    if not items:
        raise ReviewError(
            "--codes is empty: give the codes the answer should have, e.g. "
            "--codes 47562,49320-59 (use --clear FIELD to remove all codes of a field)"
        )
    by_name = {f.name.lower(): f for f in families}
    out: dict[str, list[CodeLine]] = {}
    for item in items:
        m = _ITEM.match(item)
        if not m:
            raise ReviewError(
                f"'{item}' is not a code line; write CODE, CODE-MOD, CODE*UNITS or "
                "FIELD:CODE (e.g. 49320-59, 64483*2, diagnoses:K80.20)"
            )
        raw_code = m.group("code").upper()
        kind = type_of_code(raw_code)
        if kind is None:
            raise ReviewError(f"'{raw_code}' is not a CPT, HCPCS or ICD-10-CM code")
        family = _family_for(m.group("family"), kind, raw_code, by_name, families)
        mods = tuple(sorted(x.upper() for x in m.group("mods").split("-") if x))
        units = int(m.group("units")) if m.group("units") else None
        if units is not None and units < 1:
            raise ReviewError(f"{item}: units must be 1 or more")
        if mods and not family.modifiers_key:
            raise ReviewError(f"{item}: the field {family.name} has no modifiers")
        line = CodeLine(
            normalize_code(raw_code, family.types),
            mods if family.modifiers_key else None,
            (units or 1) if family.units_key else None,
        )
        out.setdefault(family.name, []).append(line)
    for name, lines in out.items():
        fam = by_name[name.lower()]
        if fam.kind == "scalar" and len(lines) > 1:
            raise ReviewError(f"the field {name} holds one code; got {len(lines)}")
    return out


def _family_for(
    prefix: str | None,
    kind: str,
    code: str,
    by_name: Mapping[str, CodeFamily],
    families: Sequence[CodeFamily],
) -> CodeFamily:
    names = ", ".join(f.name for f in families) or "(none)"
    if prefix:
        fam = by_name.get(prefix.lower())
        if fam is None:
            raise ReviewError(f"'{prefix}' is not a code field of this spec; code fields: {names}")
        if kind not in fam.types and not (kind == "hcpcs" and "cpt" in fam.types):
            raise ReviewError(
                f"{code} is a {kind} code; the field {fam.name} holds {'/'.join(fam.types)} codes"
            )
        return fam
    fits = [f for f in families if kind in f.types]
    if not fits and kind == "hcpcs":  # HCPCS Level II lines are reported with CPT lines
        fits = [f for f in families if "cpt" in f.types]
    if not fits:
        raise ReviewError(
            f"{code} is a {kind} code and no code field of this spec holds "
            f"{kind} codes (code fields: {names})"
        )
    if len(fits) > 1:
        options = ", ".join(f"{f.name}:{code}" for f in fits)
        raise ReviewError(f"{code} could go in {len(fits)} fields; write one of: {options}")
    return fits[0]


def apply_override(
    before: Mapping[str, list[CodeLine]],
    changes: Mapping[str, list[CodeLine]],
    clear: Sequence[str],
    families: Sequence[CodeFamily],
) -> dict[str, list[CodeLine]]:
    """The answer's code lines after the reviewer's changes."""
    by_name = {f.name.lower(): f.name for f in families}
    after = {k: list(v) for k, v in before.items()}
    for name in clear:
        real = by_name.get(name.lower())
        if real is None:
            raise ReviewError(
                f"--clear {name}: not a code field of this spec; code fields: "
                + (", ".join(by_name.values()) or "(none)")
            )
        after[real] = []
    after.update({k: list(v) for k, v in changes.items()})
    return after
