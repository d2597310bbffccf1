"""Compiled rule data kept between processes.

Compiling the concept rules and the diagnosis index from their YAML takes a few hundred
milliseconds; a new process should not pay it again. The compiled object is pickled in the
user's cache directory under a key made of every source file *and* the code that compiles it,
so an edited rule file or a new agentkit version is compiled afresh, never loaded stale.
Without a writable cache directory the data is simply compiled each time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "load_or_compile"]

T = TypeVar("T")


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
    for path in [*code, *sources]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    target = cache_dir() / f"{name}-{digest.hexdigest()[:24]}.pickle"
    try:
        with target.open("rb") as fh:
            found = pickle.load(fh)
        if isinstance(found, kind):
            return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    compiled = compile_()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(compiled, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass
    return compiled
