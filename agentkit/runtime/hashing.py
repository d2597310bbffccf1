"""Deterministic hashes that traces, caches, replays and batch runs share."""

from __future__ import annotations

import hashlib
import json
from typing import Any

__all__ = ["canonical_json", "idempotency_key", "input_hash"]


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def input_hash(inputs: dict[str, Any]) -> str:
    """sha256 of the validated inputs in canonical JSON."""
    return hashlib.sha256(canonical_json(inputs).encode("utf-8")).hexdigest()


def idempotency_key(fingerprint: str, inputs_hash: str) -> str:
    """The same spec version on the same inputs always gets the same key."""
    return hashlib.sha256(f"{fingerprint}:{inputs_hash}".encode()).hexdigest()[:32]
