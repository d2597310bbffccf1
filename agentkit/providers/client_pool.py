"""SDK clients kept per event loop, so connections are reused without crossing loops.

An ``AsyncOpenAI`` / ``AsyncAnthropic`` client owns an HTTP connection pool bound to the loop
it first ran on. Sync calls run on agentkit's background loop while async callers use their
own, so one client per (loop, connection settings) is the unit that can be reused safely; a
loop that goes away takes its clients with it (weak keys).
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

__all__ = ["ClientPool"]

ClientT = TypeVar("ClientT")


class ClientPool(Generic[ClientT]):
    """One client per running event loop and settings key (API key, base URL, ...)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_loop: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, dict[Hashable, ClientT]
        ] = weakref.WeakKeyDictionary()

    def get(self, key: Hashable, factory: Callable[[], ClientT]) -> ClientT:
        """The client for ``key`` on the running loop, made by ``factory`` the first time."""
        loop = asyncio.get_running_loop()
        with self._lock:
            clients = self._by_loop.get(loop)
            if clients is None:
                clients = {}
                self._by_loop[loop] = clients
            client = clients.get(key)
            if client is None:
                client = factory()
                clients[key] = client
            return client

    async def aclose(self) -> None:
        """Close the running loop's clients (others close when their loop is collected)."""
        loop = asyncio.get_running_loop()
        with self._lock:
            clients = self._by_loop.pop(loop, {})
        for client in clients.values():
            closer: Any = getattr(client, "close", None)
            if closer is not None:
                await closer()
