"""Compiled rule data kept between processes.

Compiling the concept rules and the diagnosis index from their YAML takes a few hundred
milliseconds; a new process should not pay it again. The compiled object is pickled in the
user's cache directory under a key made of every source file *and* the code that compiles it,
so an edited rule file or a new agentkit version is compiled afresh, never loaded stale.
Without a writable cache directory the data is simply compiled each time. Each edit of a rule
file makes a new entry, so only the newest few entries of a name are kept: a coder editing rules
all day must not fill the disk with superseded compilations.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from agentkit.coding.static_data import static_load

__all__ = ["KEEP_PER_NAME", "cache_dir", "load_or_compile"]

T = TypeVar("T")

#: Entries of one name kept after a new one is written (other agentkit versions may be in use).
KEEP_PER_NAME = 4


def cache_dir() -> Path:
    """``$AGENTKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/agentkit``, else ``~/.cache/agentkit``."""
    explicit = os.environ.get("AGENTKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "agentkit"


def load_or_compile(
    name: str,
    sources: Iterable[Path],
    code: Iterable[Path],
    compile_: Callable[[], T],
    kind: type[T],
) -> T:
    """The object ``compile_()`` returns, from the cache when its sources are unchanged."""
    digest = hashlib.sha256(name.encode())
    # every module of the engine is part of the key, not only the ones a caller names: the
    # pickled objects are shaped by code a caller can forget (a stale entry once hid a rule fix)
    digest.update(_engine_digest())
    for path in [*code, *sources]:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    target = cache_dir() / f"{name}-{digest.hexdigest()[:24]}.pickle"
    with static_load():
        return _load_or_compile(target, name, compile_, kind)


def _load_or_compile(target: Path, name: str, compile_: Callable[[], T], kind: type[T]) -> T:
    try:
        with target.open("rb") as fh:
            found = pickle.load(fh)
        if isinstance(found, kind):
            return found
    except Exception:
        # any unreadable entry (written by another version, or damaged) is compiled afresh
        pass
    compiled = compile_()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(compiled, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
        _prune(target, name, keep=KEEP_PER_NAME)
    except OSError:
        pass
    return compiled


@lru_cache(maxsize=1)
def _engine_digest() -> bytes:
    """The engine's code, hashed once per process for all the caches that key on it."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.digest()


def _prune(newest: Path, name: str, *, keep: int) -> None:
    """Delete all but ``newest`` and the ``keep - 1`` most recent other entries of ``name``."""
    others = []
    for path in newest.parent.glob(f"{name}-*.pickle"):
        if path == newest:
            continue
        with contextlib.suppress(OSError):
            others.append((path.stat().st_mtime, path))
    others.sort(reverse=True)
    for _, stale in others[keep - 1 :]:
        with contextlib.suppress(OSError):
            stale.unlink()
