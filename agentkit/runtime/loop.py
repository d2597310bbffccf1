"""A background event loop for synchronous calls.

``spec(...)`` must work from plain scripts and from inside other event loops (Jupyter, web
servers). Running every sync call on one long-lived loop in a daemon thread also lets provider
clients keep their connection pools between calls, which ``asyncio.run`` per call would not.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

__all__ = ["run_sync"]

T = TypeVar("T")

_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None


def _background_loop() -> asyncio.AbstractEventLoop:
    global _loop
    with _lock:
        if _loop is None or _loop.is_closed():
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="agentkit-loop", daemon=True)
            thread.start()
            _loop = loop
        return _loop


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion on the background loop and return its result."""
    loop = _background_loop()
    future = asyncio.run_coroutine_threadsafe(coro, loop)
    return future.result()
