"""Loading the large tables that live as long as the process, without the cyclic collector.

Code sets, edit tables and the compiled rules are hundreds of thousands of small objects that
are never freed. While they are built or unpickled, the collector runs every few hundred
allocations and rescans everything allocated so far, so a load paid for walking the very tables
it was building (about half the offline coder's start-up). The collector is paused while a
table loads; what was loaded is then moved to the permanent generation (:func:`gc.freeze`), so
later collections during coding never walk it either.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["static_load"]

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def static_load() -> Iterator[None]:
    """Pause the collector while the block loads long-lived data (nests; thread-safe)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.freeze()
                if _was_enabled:
                    gc.enable()
