"""Replay: answers recorded earlier, keyed by spec fingerprint + input hash.

Recording happens when ``AGENTKIT_RECORD=1`` (or ``[replay] record = true``): every successful
answer from a real provider is written to ``<replay dir>/<spec>/<fingerprint[:16]>/<input
hash[:24]>.json``. Replaying needs no network and no key, so evals and tests of LLM-routed
specs are deterministic. Editing the spec changes its fingerprint: stale recordings are not
used silently, they are simply not found.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agentkit.errors import ProviderRequestError
from agentkit.providers.base import Provider, ProviderRequest, ProviderResponse

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.config import AgentkitConfig

__all__ = ["ReplayProvider", "create", "record_response", "recording_path", "replay_dir"]


def replay_dir(config: AgentkitConfig) -> Path:
    env = os.environ.get("AGENTKIT_REPLAY_DIR")
    return Path(env) if env else config.resolve_path(config.replay.dir)


def recording_path(base: Path, spec: str, fingerprint: str, input_hash: str) -> Path:
    return base / spec / fingerprint[:16] / f"{input_hash[:24]}.json"


class ReplayProvider(Provider):
    name = "replay"
    supports_reask = False

    def __init__(self, base: Path) -> None:
        super().__init__("")
        self.base = base

    async def generate(self, request: ProviderRequest) -> ProviderResponse:
        start = time.perf_counter()
        path = recording_path(self.base, request.spec, request.fingerprint, request.input_hash)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ProviderRequestError(
                f"no recorded answer for spec {request.spec} (fingerprint "
                f"{request.fingerprint[:12]}) and this input in {self.base}; run it once on a real "
                "provider with AGENTKIT_RECORD=1 to record it",
                provider="replay",
            ) from None
        except (OSError, json.JSONDecodeError) as exc:
            raise ProviderRequestError(
                f"recording {path} cannot be read: {exc}", provider="replay"
            ) from exc
        resp = data.get("response", {})
        return ProviderResponse(
            parsed=resp.get("parsed"),
            text=resp.get("text", ""),
            model=resp.get("model", "replay"),
            finish_reason=resp.get("finish_reason", "stop"),
            input_tokens=0,
            output_tokens=0,
            request_id=f"replay:{path.stem}",
            latency_s=time.perf_counter() - start,
            extra={"recorded_from": data.get("provider"), "recorded_at": data.get("time")},
        )


def record_response(
    config: AgentkitConfig, request: ProviderRequest, response: ProviderResponse, provider: str
) -> Path:
    """Write one answer so that ``replay`` can serve it later (atomic: write, then rename)."""
    path = recording_path(replay_dir(config), request.spec, request.fingerprint, request.input_hash)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload: dict[str, Any] = {
        "spec": request.spec,
        "fingerprint": request.fingerprint,
        "input_hash": request.input_hash,
        "provider": provider,
        "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "response": {
            "parsed": response.parsed,
            "text": response.text,
            "model": response.model,
            "finish_reason": response.finish_reason,
        },
    }
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".rec-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, ensure_ascii=False, indent=1, sort_keys=True)
    os.replace(tmp, path)
    return path


def create(model: str, config: AgentkitConfig) -> ReplayProvider:
    return ReplayProvider(replay_dir(config))
