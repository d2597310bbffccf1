"""The secret key for the keyed text hashes of ``hash`` redaction.

Plain sha256 of a short text (a name, a date) can be reversed by trying candidates; an HMAC
with a secret key cannot. The key comes from the environment variable named by
``[trace] key_env`` (``AGENTKIT_TRACE_KEY`` by default). Without it, agentkit creates a random
key once in ``<trace dir>/.trace-key`` (mode 0600) and warns: hashes stay comparable between
runs on this machine, but anyone who can read the trace directory can read the key. Set the
environment variable in production and keep it out of the trace directory.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from agentkit.errors import TraceError

__all__ = ["KEY_FILE_NAME", "TextHasher", "resolve_key"]

KEY_FILE_NAME = ".trace-key"
HASH_PREFIX = "hmac:"


def resolve_key(key_env: str, directory: Path) -> tuple[bytes, str]:
    """The key bytes and where they came from (``env:NAME`` or the key file's path)."""
    value = os.environ.get(key_env, "")
    if value:
        return value.encode("utf-8"), f"env:{key_env}"
    path = Path(directory) / KEY_FILE_NAME
    try:
        if path.is_file():
            return path.read_bytes().strip(), str(path)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first
        return path.read_bytes().strip(), str(path)
    except OSError as exc:
        raise TraceError(
            f"cannot read or create the trace key file {path}: {exc}; set {key_env} instead"
        ) from exc
    key = secrets.token_hex(32).encode("ascii")
    with os.fdopen(fd, "wb") as fh:
        fh.write(key + b"\n")
    from agentkit.logs import get_logger

    get_logger("agentkit.trace").warning(
        "trace_key_generated",
        key_file=str(path),
        key_env=key_env,
        hint=f"set {key_env} in production; this key sits next to the traces",
    )
    return key, str(path)


class TextHasher:
    """``hmac:<32 hex>`` of a text under the trace key (128 bits: enough to match, short)."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def __call__(self, text: str) -> str:
        digest = hmac.new(self._key, text.encode("utf-8", "surrogatepass"), hashlib.sha256)
        return HASH_PREFIX + digest.hexdigest()[:32]

    def matches(self, text: str, hashed: str) -> bool:
        return hmac.compare_digest(self(text), hashed)
