"""PHI redaction of trace records: a pipeline of plain processors, structlog-style.

A processor is a function ``record dict -> record dict``. The sink runs them in order and the
last one is the writer, so a record reaches the disk only after every redaction step::

    [stamp("hash"), hash_texts(hasher), store.append]

The three settings (``[trace] redaction`` or ``AGENTKIT_TRACE_REDACTION``):

``hash`` (default)
    No note text at all. Codes, enum values, numbers, findings, usage, versions and ids are
    kept; every other text (the note and other free-text inputs, the rendered messages, the
    raw answer, evidence quotes, rationales) becomes a keyed hash ``hmac:<hex>``. Dates keep
    only their year, ages over 89 become 90. Finding messages, review reasons and errors are
    kept readable with quoted spans removed and identifiers masked.
``mask``
    Texts are kept with Safe Harbor identifiers replaced by typed tags (:mod:`.phi`).
``full``
    Everything as the call saw it. For development with synthetic notes only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from agentkit.trace.keys import TextHasher
from agentkit.trace.phi import mask_text

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.spec.fields import FieldSpec

__all__ = [
    "REDACTION_MODES",
    "Processor",
    "Redaction",
    "hash_texts",
    "mask_texts",
    "redaction_processors",
    "run_pipeline",
    "scrub_message",
    "stamp",
]

Redaction = Literal["hash", "mask", "full"]
REDACTION_MODES: tuple[Redaction, ...] = ("hash", "mask", "full")
Processor = Callable[[dict[str, Any]], dict[str, Any]]
# record -> (input fields, output fields) of the spec that made it, or None
SchemaLookup = Callable[
    [dict[str, Any]], "tuple[Mapping[str, FieldSpec], Mapping[str, FieldSpec]] | None"
]

# Strings that are safe to keep in hash mode: codes / modifiers, and enum-like lowercase words.
_CODE_LIKE = re.compile(
    r"^(?:[0-9]{4}[0-9FT]|[A-Z][0-9]{4}|[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?|[0-9A-Z]{2})$"
)
_ENUM_LIKE = re.compile(r"^[a-z][a-z0-9_\-]{0,31}$")
_ISO_DATE = re.compile(r"^(\d{4})-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+\-]\d{2}:?\d{2})?)?$")
_QUOTED = re.compile(r"\"[^\"\n]{1,500}\"|“[^”\n]{1,500}”")
_AGE_KEYS = frozenset({"age", "age_years", "patient_age"})
_TEXT_KEYS = frozenset(
    {
        "evidence",
        "quote",
        "quotes",
        "rationale",
        "text",
        "note",
        "notes",
        "reason",
        "explanation",
        "comment",
        "comments",
        "summary",
        "narrative",
    }
)
_KEEP_TYPES = frozenset(
    {"cpt", "hcpcs", "icd10cm", "modifier", "enum", "boolean", "integer", "number", "confidence"}
)


def stamp(mode: Redaction) -> Processor:
    """Mark the record with the redaction it got, so readers know what they are looking at."""

    def processor(record: dict[str, Any]) -> dict[str, Any]:
        record["redaction"] = mode
        return record

    return processor


def scrub_message(text: str) -> str:
    """A finding message / reason / error kept readable: quoted spans out, identifiers masked."""
    return mask_text(_QUOTED.sub('"[QUOTE]"', text))


def hash_texts(hasher: TextHasher, schema_for: SchemaLookup | None = None) -> Processor:
    """``hash`` redaction: keep codes and structure, replace texts by keyed hashes.

    With the spec's field trees (``schema_for(record)``), a value is kept or hashed by its
    declared type: codes, modifiers, enums, numbers and booleans stay, dates keep their year,
    text / string / quote values are hashed. Without them (a record whose spec cannot be
    found), only code-shaped strings and lowercase enum-like words outside text-named keys
    are kept.
    """

    def guess(value: str, key: str | None) -> str:
        if _CODE_LIKE.match(value):
            return value
        if _ENUM_LIKE.match(value) and (key or "").lower() not in _TEXT_KEYS:
            return value
        date = _ISO_DATE.match(value)
        if date:
            return date.group(1)
        return hasher(value)

    def typed(value: str, ftype: str) -> str:
        if ftype in _KEEP_TYPES:
            return value
        if ftype == "date":
            date = _ISO_DATE.match(value)
            return date.group(1) if date else hasher(value)
        return hasher(value)

    def processor(record: dict[str, Any]) -> dict[str, Any]:
        schema = schema_for(record) if schema_for is not None else None
        out = _redact(record, guess, lambda text: hasher(text), scrub_message)
        if schema is not None:
            input_fields, output_fields = schema
            if isinstance(record.get("inputs"), dict):
                out["inputs"] = _walk_typed(record["inputs"], input_fields, typed, guess)
            if isinstance(record.get("output"), dict):
                out["output"] = _walk_typed(record["output"], output_fields, typed, guess)
        return out

    return processor


def mask_texts() -> Processor:
    """``mask`` redaction: texts kept with Safe Harbor identifiers replaced by tags."""

    def mask_value(value: str, key: str | None) -> str:
        date = _ISO_DATE.match(value)
        if date:
            return date.group(1)
        return mask_text(value)

    def processor(record: dict[str, Any]) -> dict[str, Any]:
        return _redact(record, mask_value, mask_text, mask_text)

    return processor


def redaction_processors(
    mode: str, hasher: TextHasher | None, schema_for: SchemaLookup | None = None
) -> list[Processor]:
    """The processors for one redaction setting (the caller appends the writer)."""
    if mode == "full":
        return [stamp("full")]
    if mode == "mask":
        return [stamp("mask"), mask_texts()]
    if mode == "hash":
        if hasher is None:
            raise ValueError("hash redaction needs a TextHasher")
        return [stamp("hash"), hash_texts(hasher, schema_for)]
    raise ValueError(f"unknown redaction {mode!r}; use one of {', '.join(REDACTION_MODES)}")


def run_pipeline(processors: Sequence[Processor], record: dict[str, Any]) -> dict[str, Any]:
    for processor in processors:
        record = processor(record)
    return record


def _redact(
    record: dict[str, Any],
    leaf: Callable[[str, str | None], str],
    whole_text: Callable[[str], str],
    message: Callable[[str], str],
) -> dict[str, Any]:
    """Apply one policy to every place a record can hold patient text."""
    out = dict(record)
    if "inputs" in out:
        out["inputs"] = _walk(out["inputs"], leaf, key=None)
    if out.get("messages"):
        out["messages"] = [
            {**m, "content": whole_text(m["content"])} if isinstance(m.get("content"), str) else m
            for m in out["messages"]
        ]
    if isinstance(out.get("raw_response"), str):
        out["raw_response"] = whole_text(out["raw_response"])
    if "output" in out and out["output"] is not None:
        out["output"] = _walk(out["output"], leaf, key=None)
    if out.get("findings"):
        out["findings"] = [
            {**f, "message": message(f["message"])} if isinstance(f.get("message"), str) else f
            for f in out["findings"]
        ]
    review = out.get("review")
    if isinstance(review, dict) and review.get("reasons"):
        out["review"] = {**review, "reasons": [message(str(r)) for r in review["reasons"]]}
    if isinstance(out.get("error"), str):
        out["error"] = message(out["error"])
    if out.get("attempts"):
        out["attempts"] = [
            {**a, "error": message(a["error"])} if isinstance(a.get("error"), str) else a
            for a in out["attempts"]
        ]
    if isinstance(out.get("reason"), str):  # audit events: the reviewer's words
        out["reason"] = message(out["reason"])
    if isinstance(out.get("expected"), dict):
        out["expected"] = _walk(out["expected"], leaf, key=None)
    return out


def _walk(value: Any, leaf: Callable[[str, str | None], str], key: str | None) -> Any:
    if isinstance(value, str):
        return leaf(value, key)
    if isinstance(value, dict):
        return {k: _walk(v, leaf, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, leaf, key) for v in value]
    if (
        key in _AGE_KEYS
        and isinstance(value, int | float)
        and not isinstance(value, bool)
        and value > 89
    ):
        return 90  # Safe Harbor: ages over 89 are reported as 90 or older
    return value


def _walk_typed(
    value: Any,
    fields: Mapping[str, FieldSpec],
    typed: Callable[[str, str], str],
    guess: Callable[[str, str | None], str],
) -> Any:
    """Redact an inputs / output dict by the declared type of each field."""
    if not isinstance(value, dict):
        return _walk(value, guess, None)
    out: dict[str, Any] = {}
    for key, item in value.items():
        spec = fields.get(key)
        out[key] = (
            _typed_value(item, spec, key, typed, guess)
            if spec is not None
            else _walk(item, guess, key)
        )
    return out


def _typed_value(
    value: Any,
    spec: FieldSpec,
    key: str,
    typed: Callable[[str, str], str],
    guess: Callable[[str, str | None], str],
) -> Any:
    if value is None:
        return None
    if spec.type == "list" and isinstance(value, list):
        if spec.items is None:
            return _walk(value, guess, key)
        return [_typed_value(v, spec.items, key, typed, guess) for v in value]
    if spec.type == "object" and isinstance(value, dict):
        return _walk_typed(value, spec.fields or {}, typed, guess)
    if isinstance(value, str):
        return typed(value, spec.type)
    if (
        key in _AGE_KEYS
        and isinstance(value, int | float)
        and not isinstance(value, bool)
        and value > 89
    ):
        return 90
    if isinstance(value, dict | list):
        return _walk(value, guess, key)
    return value
