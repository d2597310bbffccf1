"""The line format of a trace file and its hash chain (tamper evidence).

Each record is one line of canonical JSON (sorted keys, no spaces) that ends with two chain
members: ``{...,"prev_hash":"<64 hex>","hash":"<64 hex>"}``. ``hash`` is the sha256 of the
line *without* the trailing ``,"hash":"..."`` member (the "body", closed with ``}``), and
``prev_hash`` is the ``hash`` of the previous whole record in the same file (the first record
points at a genesis value derived from the file name). So:

- editing any byte of a record changes its body and no longer matches its ``hash``;
- removing, inserting or reordering records breaks some record's ``prev_hash``;
- moving a record into another file breaks the genesis link.

Hashes are computed over the raw bytes, so verifying needs no re-serialisation.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

__all__ = [
    "GENESIS_PREFIX",
    "HASH_SUFFIX_LEN",
    "chain_line",
    "encode_record",
    "genesis_hash",
    "serialize",
    "split_line",
    "stated_hash",
]

GENESIS_PREFIX = "agentkit-trace-genesis:"
_SUFFIX_HEAD = b',"hash":"'
HASH_SUFFIX_LEN = len(_SUFFIX_HEAD) + 64 + len('"}')
_HEX = frozenset(b"0123456789abcdef")


def genesis_hash(file_name: str) -> str:
    """The ``prev_hash`` of the first record of a file: ties the chain to the file's name."""
    return hashlib.sha256(f"{GENESIS_PREFIX}{file_name}".encode()).hexdigest()


def serialize(record: dict[str, Any]) -> bytes:
    """Canonical JSON of a record without its chain members (done outside the write lock)."""
    body = {k: v for k, v in record.items() if k not in ("hash", "prev_hash")}
    if not body:
        raise ValueError("a trace record cannot be empty")
    text = json.dumps(
        body,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
        default=str,
    )
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates in some input: escape everything instead
        return json.dumps(
            body, sort_keys=True, separators=(",", ":"), allow_nan=False, default=str
        ).encode("ascii")


def chain_line(serialized: bytes, prev_hash: str) -> tuple[bytes, str]:
    """The complete line (with newline) for a serialized record chained after ``prev_hash``.

    The body is the record plus ``"prev_hash"`` as its last member; ``hash`` is sha256 of the
    body and is appended as the very last member.
    """
    body = serialized[:-1] + b',"prev_hash":"' + prev_hash.encode("ascii") + b'"}'
    digest = hashlib.sha256(body).hexdigest()
    return body[:-1] + b',"hash":"' + digest.encode("ascii") + b'"}\n', digest


def encode_record(record: dict[str, Any], prev_hash: str) -> tuple[bytes, str]:
    """``serialize`` then ``chain_line``: one complete line and the record's own hash."""
    return chain_line(serialize(record), prev_hash)


def split_line(line: bytes) -> tuple[bytes, str] | None:
    """``(body, stated hash)`` of one line without its newline, or None if it is not whole.

    A line that does not end with a hash member was torn by a crash or damaged by hand.
    """
    digest = stated_hash(line)
    if digest is None:
        return None
    return line[: len(line) - HASH_SUFFIX_LEN] + b"}", digest


def stated_hash(line: bytes) -> str | None:
    """The hash a whole line states for itself, or None if the line is torn or damaged."""
    if len(line) <= HASH_SUFFIX_LEN or not line.endswith(b'"}') or line[:1] != b"{":
        return None
    start = len(line) - HASH_SUFFIX_LEN
    if line[start : start + len(_SUFFIX_HEAD)] != _SUFFIX_HEAD:
        return None
    digest = line[start + len(_SUFFIX_HEAD) : -2]
    if not _HEX.issuperset(digest):
        return None
    return digest.decode("ascii")
