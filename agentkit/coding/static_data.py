"""Loading the large tables that live as long as the process, and coding a note, without the
cyclic collector.

Code sets, edit tables and the compiled rules are hundreds of thousands of small objects that
are never freed. While they are built or unpickled, the collector runs every few hundred
allocations and rescans everything allocated so far, so a load paid for walking the very tables
it was building (about half the offline coder's start-up). The collector is paused while a
table loads; what was loaded is then moved to the permanent generation (:func:`gc.freeze`), so
later collections during coding never walk it either.

Coding a note makes no reference cycles (its objects are freed by their reference counts, see
``tests/coding/engine/test_note_memo.py``), yet its tens of thousands of short-lived containers set
the collector off again and again to walk the note's live tables and the caches it grows: about
8% of the CPU time of coding, for nothing to collect. The collector is paused while a note is coded
(:func:`collector_paused`) and runs again once no thread is coding one, so cycles made meanwhile
by other code are collected then. Tables kept only for the notes being coded are dropped just
before (:func:`when_no_note_is_coded`): freed by their reference counts, they are not walked by
the collection that restarting the collector sets off (about a third of its work, round 21).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["collector_paused", "static_load", "when_no_note_is_coded"]

_lock = threading.Lock()
_paused = 0  # blocks (of every thread) running with the collector paused
_loading = 0  # of them, static loads
_was_enabled = False
_on_last_exit: list[Callable[[], None]] = []


def when_no_note_is_coded(drop: Callable[[], None]) -> None:
    """Call ``drop`` each time the last paused block ends, before the collector runs again
    (with no thread in a paused block: it may drop what was kept for the notes being coded)."""
    _on_last_exit.append(drop)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector while the block runs (nests; thread-safe): it runs again,
    if it ran before, when the last paused block ends."""
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0:
                for drop in _on_last_exit:
                    drop()
                if _was_enabled:
                    gc.enable()


@contextmanager
def static_load() -> Iterator[None]:
    """Pause the collector while the block loads long-lived data, then freeze what was loaded
    (nests; thread-safe)."""
    global _loading
    with collector_paused():
        with _lock:
            _loading += 1
        try:
            yield
        finally:
            with _lock:
                _loading -= 1
                if _loading == 0:
                    gc.freeze()
