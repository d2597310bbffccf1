"""Optional on-disk cache of model answers for temperature-0 calls.

Key: the spec fingerprint, the route entry (provider and model) and the exact messages sent.
Editing the spec changes its fingerprint and a changed input or prompt changes the messages,
so stale answers are never found; they are simply not used. Only answers that passed
validation and every re-ask check are stored, and a hit is validated again before use.

Invalidation: delete the cache directory (``.agentkit-cache`` by default) or call
:meth:`ResponseCache.clear`; bumping :data:`CACHE_FORMAT` drops every entry at once.
Enable with ``[cache] enabled = true`` or ``AGENTKIT_CACHE=1``; ``AGENTKIT_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agentkit.providers.base import Message, ProviderResponse

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.config import AgentkitConfig

__all__ = ["CACHE_FORMAT", "ResponseCache", "cache_from_config"]

CACHE_FORMAT = 1


class ResponseCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @staticmethod
    def key(fingerprint: str, entry: str, messages: Sequence[Message]) -> str:
        body = json.dumps(
            {
                "format": CACHE_FORMAT,
                "fingerprint": fingerprint,
                "entry": entry,
                "messages": [[m.role, m.content, m.tool_call_id] for m in messages],
            },
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return hashlib.sha256(body.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> ProviderResponse | None:
        try:
            data: dict[str, Any] = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("format") != CACHE_FORMAT:
            return None
        return ProviderResponse(
            parsed=data.get("parsed"),
            text=str(data.get("text", "")),
            model=str(data.get("model", "")),
            finish_reason=str(data.get("finish_reason", "stop")),
            request_id=data.get("request_id"),
            tool_call_id=data.get("tool_call_id"),
            extra={"cached": True},
        )

    def put(self, key: str, response: ProviderResponse) -> None:
        """Write atomically (temp file + rename) so a crash never leaves half an entry."""
        path = self._path(key)
        payload = {
            "format": CACHE_FORMAT,
            "parsed": response.parsed,
            "text": response.text,
            "model": response.model,
            "finish_reason": response.finish_reason,
            "request_id": response.request_id,
            "tool_call_id": response.tool_call_id,
        }
        # A cache that cannot be written must never fail the call it was meant to speed up.
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(payload, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def clear(self) -> int:
        """Delete every entry; returns how many there were."""
        if not self.directory.exists():
            return 0
        count = sum(1 for _ in self.directory.rglob("*.json"))
        shutil.rmtree(self.directory, ignore_errors=True)
        return count


def cache_from_config(config: AgentkitConfig) -> ResponseCache | None:
    """The cache when enabled (``[cache] enabled`` or ``AGENTKIT_CACHE=1``), else None."""
    env = os.environ.get("AGENTKIT_CACHE", "").strip().lower()
    enabled = env in ("1", "true", "yes", "on") if env else config.cache.enabled
    if not enabled:
        return None
    env_dir = os.environ.get("AGENTKIT_CACHE_DIR")
    return ResponseCache(Path(env_dir) if env_dir else config.resolve_path(config.cache.dir))
