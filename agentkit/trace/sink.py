"""Where the runtime sends each finished call: redaction pipeline, then the trace store.

``get_sink(config)`` is what :mod:`agentkit.runtime.execute` calls. The sink for a given
directory / redaction / fsync setting is built once per process and reused. Code that must
not write to the configured store (the eval runner, tests) wraps its calls in
:func:`use_sink` with another sink or ``None``.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agentkit.logs import get_logger
from agentkit.trace.keys import TextHasher, resolve_key
from agentkit.trace.record import AuditEvent, CallRecord
from agentkit.trace.redact import Processor, Redaction, redaction_processors, run_pipeline
from agentkit.trace.store import FsyncMode, TraceStore

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.config import AgentkitConfig

__all__ = ["TraceSink", "flush_all", "get_sink", "open_sink", "use_sink"]

log = get_logger("agentkit.trace")


class TraceSink:
    """Redact, chain and append records to one store. Thread-safe."""

    def __init__(
        self,
        store: TraceStore,
        redaction: Redaction,
        processors: list[Processor],
        hasher: TextHasher | None = None,
        key_source: str | None = None,
    ) -> None:
        self.store = store
        self.redaction = redaction
        self.processors = processors
        self.hasher = hasher
        self.key_source = key_source

    @property
    def directory(self) -> Path:
        return self.store.directory

    def prepare(self, record: dict[str, Any]) -> dict[str, Any]:
        """The record as it will be written (every processor but the writer)."""
        return run_pipeline(self.processors, dict(record))

    def write(self, record: dict[str, Any]) -> dict[str, Any]:
        written = self.store.append(self.prepare(record))
        log.debug(
            "trace_written",
            trace_id=written.get("id"),
            kind=written.get("kind"),
            spec=written.get("spec"),
            redaction=self.redaction,
        )
        return written

    def write_many(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return self.store.append_many([self.prepare(r) for r in records])

    def write_call(self, record: CallRecord) -> dict[str, Any]:
        return self.write(record.model_dump(mode="json", exclude_none=True))

    def write_event(self, event: AuditEvent) -> dict[str, Any]:
        return self.write(event.model_dump(mode="json", exclude_none=True))

    def flush(self) -> None:
        self.store.flush()


def open_sink(
    directory: Path,
    *,
    redaction: str = "hash",
    key_env: str = "AGENTKIT_TRACE_KEY",
    fsync: FsyncMode = "always",
) -> TraceSink:
    """A sink on ``directory`` (the key for ``hash`` comes from ``key_env`` or the key file)."""
    store = TraceStore(Path(directory), fsync=fsync)
    hasher: TextHasher | None = None
    source: str | None = None
    if redaction == "hash":
        key, source = resolve_key(key_env, store.directory)
        hasher = TextHasher(key)
    processors = redaction_processors(redaction, hasher, _spec_fields)
    mode: Redaction = redaction  # type: ignore[assignment]  # validated just above
    return TraceSink(store, mode, processors, hasher, source)


def _spec_fields(record: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The field trees of the spec that made ``record`` (compiled specs are cached), so
    ``hash`` redaction can go by declared types; None if that exact version is not at hand."""
    path = record.get("spec_path")
    if not isinstance(path, str) or not path:
        return None
    try:
        from agentkit.spec.resolve import load

        spec = load(path)
    except Exception:
        return None
    if spec.fingerprint != record.get("fingerprint"):
        return None
    return spec.input_fields, spec.output_fields


_UNSET: Any = object()
_override: ContextVar[Any] = ContextVar("agentkit_trace_sink", default=_UNSET)
_sinks: dict[tuple[str, str, str, str], TraceSink] = {}
_sinks_lock = threading.Lock()


@contextmanager
def use_sink(sink: TraceSink | None) -> Iterator[None]:
    """Within this block, ``await spec.acall(...)`` (and tasks started in it) trace to
    ``sink``; None = no traces. A context variable: it does not reach the synchronous
    ``spec(...)``, which runs on agentkit's background loop thread."""
    token = _override.set(sink)
    try:
        yield
    finally:
        _override.reset(token)


def get_sink(config: AgentkitConfig) -> TraceSink | None:
    """The sink for the configured store, or None when tracing is off."""
    override = _override.get()
    if override is not _UNSET:
        result: TraceSink | None = override
        return result
    if not config.trace.enabled:
        return None
    directory = Path(os.path.abspath(config.trace_dir()))  # no syscalls on the hot path
    redaction = config.trace_redaction()
    fsync: FsyncMode = "always" if config.trace.fsync else "batch"
    key_value = os.environ.get(config.trace.key_env, "") if redaction == "hash" else ""
    key = (
        str(directory),
        redaction,
        fsync,
        config.trace.key_env + ":" + hashlib.sha256(key_value.encode()).hexdigest(),
    )
    with _sinks_lock:
        sink = _sinks.get(key)
        if sink is None:
            sink = open_sink(
                directory, redaction=redaction, key_env=config.trace.key_env, fsync=fsync
            )
            if len(_sinks) >= 16:  # a long-lived process pointed at many dirs (tests)
                for old in list(_sinks.values())[:8]:
                    old.flush()
                _sinks.clear()
            _sinks[key] = sink
        return sink


def flush_all() -> None:
    """fsync every sink's pending records (``fsync = false`` runs at exit)."""
    with _sinks_lock:
        for sink in _sinks.values():
            sink.flush()


atexit.register(flush_all)
