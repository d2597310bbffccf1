"""``agentkit traces to-cases``: reviewed calls become eval cases, the reviewer's codes gold.

A case needs the call's inputs, and the note is exactly what redaction protects:

- ``full`` traces keep the note: the case is rebuilt directly;
- ``mask`` traces keep the note with identifiers tagged: the case uses the masked note
  (dates that were cut to their year are left out of the inputs);
- ``hash`` traces (the default) keep only a keyed hash of the note. The note must come from
  where it came from in the first place: ``--inputs FILE.jsonl`` (the batch input file, one
  JSON object of inputs per line, matched by input hash) or ``--notes DIR`` (one ``*.txt``
  file per note, matched by the keyed hash with the trace key). Calls whose note is not found
  are skipped and counted.

Rebuilt notes are masked (Safe Harbor tags) before they are written unless ``--no-mask`` is
given: eval cases are committed to git, real patient text must not be.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agentkit.errors import EvalError
from agentkit.evals.code_fields import lines_to_partial
from agentkit.review.codes import families_for_record, lines_of
from agentkit.review.queue import ReviewItem, list_items
from agentkit.trace.keys import HASH_PREFIX, TextHasher
from agentkit.trace.phi import mask_text

__all__ = ["ToCasesResult", "cases_from_traces", "write_cases"]

_YEAR = re.compile(r"^\d{4}$")


@dataclass
class ToCasesResult:
    written: int = 0
    already_present: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    out: Path | None = None


@dataclass
class _Sources:
    by_input_hash: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_text_hash: dict[str, str] = field(default_factory=dict)


def cases_from_traces(
    directory: Path,
    *,
    spec: str | None = None,
    include_auto: bool = False,
    inputs_file: Path | None = None,
    notes_dir: Path | None = None,
    hasher: TextHasher | None = None,
    mask: bool = True,
    result: ToCasesResult | None = None,
) -> Iterator[dict[str, Any]]:
    """Eval cases (as dicts in the case format) for the reviewed calls of a store."""
    result = result if result is not None else ToCasesResult()
    states = ["accepted", "overridden"] + (["auto_accepted"] if include_auto else [])
    items, _ = list_items(directory, spec=spec, states=states)
    sources = _Sources()
    if inputs_file is not None:
        sources.by_input_hash = _load_inputs(inputs_file, items)
    if notes_dir is not None:
        if hasher is None:
            raise EvalError("matching notes by hash needs the trace key")
        sources.by_text_hash = _load_notes(notes_dir, hasher)
    for item in items:
        expected = _gold(item)
        if expected is None:
            result.skipped["no codes to use as gold"] += 1
            continue
        inputs, why = _inputs_for(item.record, sources)
        if inputs is None:
            result.skipped[why] += 1
            continue
        if mask:
            inputs = _mask_texts(inputs, item.record.get("text_fields") or [])
        event = item.last_event
        action = event.get("action", "auto") if event else "auto"
        reviewer = event.get("reviewer", "") if event else ""
        reason = event.get("reason") if event else None
        when = str(event.get("time", item.time))[:10] if event else item.time[:10]
        description = f"{action} by {reviewer} on {when}" if reviewer else f"auto-accepted {when}"
        if reason:
            description += f": {reason}"
        yield {
            "id": f"review-{item.trace_id}",
            "description": description,
            "tags": ["from-review", f"review-{action}", f"{item.spec}@{item.spec_version}"],
            "input": inputs,
            "expected": expected,
        }


def write_cases(out: Path, cases: Iterator[dict[str, Any]], result: ToCasesResult) -> ToCasesResult:
    """Append new cases to a JSON Lines file (cases already in it are left alone)."""
    existing: set[str] = set()
    if out.is_file():
        with open(out, encoding="utf-8") as fh:
            for line in fh:
                try:
                    existing.add(str(json.loads(line).get("id")))
                except (ValueError, AttributeError):
                    continue
    out.parent.mkdir(parents=True, exist_ok=True)
    result.out = out
    with open(out, "a", encoding="utf-8") as fh:
        for case in cases:
            if case["id"] in existing:
                result.already_present += 1
                continue
            fh.write(json.dumps(case, ensure_ascii=False, sort_keys=True) + "\n")
            existing.add(case["id"])
            result.written += 1
    return result


def _gold(item: ReviewItem) -> dict[str, Any] | None:
    event = item.last_event
    if event is not None and isinstance(event.get("expected"), dict):
        gold: dict[str, Any] = event["expected"]
        return gold
    if item.record.get("output") is None:
        return None
    families = families_for_record(item.record)
    if not families:
        return None
    return lines_to_partial(families, lines_of(item.record.get("output"), families))


def _inputs_for(record: Mapping[str, Any], sources: _Sources) -> tuple[dict[str, Any] | None, str]:
    redaction = record.get("redaction", "full")
    inputs = dict(record.get("inputs") or {})
    found = sources.by_input_hash.get(str(record.get("input_hash")))
    if found is not None:
        return dict(found), ""
    if redaction in ("full", "mask"):
        return _drop_unusable(inputs), ""
    text_fields = [str(f) for f in record.get("text_fields") or []]
    if not sources.by_text_hash:
        return None, (
            "note text not in the trace (hash redaction): pass --inputs FILE.jsonl or --notes DIR"
        )
    for name in text_fields:
        value = inputs.get(name)
        if isinstance(value, str) and value.startswith(HASH_PREFIX):
            text = sources.by_text_hash.get(value)
            if text is None:
                return None, "note not found in --notes (no file with the same text)"
            inputs[name] = text
    return _drop_unusable(inputs), ""


def _drop_unusable(value: Any) -> Any:
    """Leave out what redaction made unusable as input: hashes and year-only dates."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if isinstance(v, str) and (v.startswith(HASH_PREFIX) or _YEAR.match(v)):
                continue
            out[k] = _drop_unusable(v)
        return out
    if isinstance(value, list):
        return [_drop_unusable(v) for v in value]
    return value


def _mask_texts(inputs: dict[str, Any], text_fields: list[str]) -> dict[str, Any]:
    out = dict(inputs)
    for name in text_fields or [k for k, v in inputs.items() if isinstance(v, str)]:
        if isinstance(out.get(name), str):
            out[name] = mask_text(out[name])
    return out


def _load_inputs(path: Path, items: list[ReviewItem]) -> dict[str, dict[str, Any]]:
    """input_hash -> raw inputs, hashing each line the way the runtime did (validated)."""
    from agentkit.runtime.hashing import input_hash
    from agentkit.spec.resolve import load

    specs: dict[str, Any] = {}
    for item in items:
        name = item.spec
        if name not in specs:
            spec_path = item.record.get("spec_path")
            try:
                specs[name] = load(spec_path if spec_path and Path(spec_path).is_file() else name)
            except Exception:
                specs[name] = None
    table: dict[str, dict[str, Any]] = {}
    try:
        fh = open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise EvalError(f"--inputs {path}: cannot be read: {exc}") from None
    with fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except ValueError as exc:
                raise EvalError(f"{path}:{number}: not valid JSON: {exc}") from None
            if isinstance(raw, dict) and isinstance(raw.get("input"), dict):
                raw = raw["input"]  # an eval case or batch line with an 'input' key
            if not isinstance(raw, dict):
                continue
            table[input_hash(raw)] = raw
            for spec in specs.values():
                if spec is None:
                    continue
                try:
                    validated = spec.validate_inputs(raw).model_dump(mode="json")
                except Exception:
                    continue
                table[input_hash(validated)] = raw
    return table


def _load_notes(directory: Path, hasher: TextHasher) -> dict[str, str]:
    if not directory.is_dir():
        raise EvalError(f"--notes {directory}: not a folder")
    table: dict[str, str] = {}
    for path in sorted(directory.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for variant in (text, text.rstrip("\n"), text.strip()):
            table.setdefault(hasher(variant), variant)
    return table
