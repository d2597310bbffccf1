"""Logging through structlog: JSON in production, readable in a terminal, never note text.

Every agentkit module logs with ``get_logger(__name__)``. Events and stdlib records (from
agentkit and from the SDKs underneath) pass the same processor chain, whose PHI step
(:func:`drop_phi`) runs before any renderer, at every level:

- keys that can hold patient text (``note``, ``inputs``, ``messages``, ``raw_response``,
  ``evidence``, ``output`` ...) are dropped, and their names listed in ``phi_dropped``;
- any string value that looks like running text (a newline, 12 words or more, or longer
  than 160 characters) is dropped the same way, and so is such an event message;
- what remains has quoted spans replaced and Safe Harbor identifiers masked.

SDK loggers that dump request bodies at DEBUG (``openai``, ``anthropic``, ``httpx``,
``httpcore``) are held at WARNING whatever level agentkit logs at.

Settings: ``configure_logging(level, json=...)``, or ``AGENTKIT_LOG_LEVEL`` (default WARNING)
and ``AGENTKIT_LOG_FORMAT`` (``json`` / ``console``; default: console on a terminal, JSON
otherwise).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from collections.abc import MutableMapping
from typing import IO, Any

import structlog

__all__ = ["PHI_KEYS", "configure_logging", "drop_phi", "get_logger"]

PHI_KEYS = frozenset(
    {
        "note",
        "notes",
        "text",
        "texts",
        "inputs",
        "input",
        "messages",
        "message_content",
        "content",
        "prompt",
        "prompts",
        "raw_response",
        "response",
        "response_text",
        "completion",
        "evidence",
        "quote",
        "quotes",
        "rationale",
        "output",
        "outputs",
        "body",
        "payload",
        "request",
        "json_data",
        "document",
        "narrative",
        "record",
        "case",
    }
)
_KEEP = frozenset(
    {
        "event",
        "level",
        "timestamp",
        "logger",
        "logger_name",
        "phi_dropped",
        "_record",
        "_from_structlog",
    }
)
_MAX_CHARS = 160
_MAX_WORDS = 12
_SINGLE_QUOTED = re.compile(r"'[^'\n]{20,}'")
_INPUT_VALUE = re.compile(r"input_value=(?:'[^']*'|\"[^\"]*\"|\S+)")
_SDK_LOGGERS = ("openai", "anthropic", "httpx", "httpcore", "urllib3")
_HANDLER_NAME = "agentkit-structlog"
_configured = False
_config_lock = threading.Lock()


def _looks_like_text(value: str) -> bool:
    """Running text (possibly a note) rather than an id, a code, a short status."""
    return "\n" in value or len(value) > _MAX_CHARS or len(value.split()) >= _MAX_WORDS


def _scrub(text: str) -> str:
    from agentkit.trace.redact import scrub_message

    text = _INPUT_VALUE.sub("input_value=[dropped]", text)
    text = _SINGLE_QUOTED.sub("'[QUOTE]'", text)
    return scrub_message(text)


def _scrub_traceback(text: str) -> str:
    """Tracebacks: the ``File ...`` and code lines stay, messages are scrubbed."""
    out: list[str] = []
    after_file = False
    for line in text.split("\n"):
        code_line = after_file and line.startswith("    ")
        after_file = line.startswith('  File "')
        if after_file or code_line:  # where it happened, and the source line there
            out.append(line)
        elif _looks_like_text(line):
            out.append("[exception message dropped: it may hold note text]")
        else:
            out.append(_scrub(line))
    return "\n".join(out)


def _clean(value: Any, dropped: list[str], key: str) -> Any:
    if isinstance(value, str):
        if _looks_like_text(value):
            dropped.append(key)
            return None
        return _scrub(value)
    if isinstance(value, MutableMapping):
        out: dict[str, Any] = {}
        for k, v in value.items():
            name = f"{key}.{k}"
            if str(k).lower() in PHI_KEYS:
                dropped.append(name)
                continue
            cleaned = _clean(v, dropped, name)
            if cleaned is not None or v is None:
                out[str(k)] = cleaned
        return out
    if isinstance(value, list | tuple | set):
        items = [_clean(v, dropped, key) for v in value]
        return [v for v in items if v is not None]
    return value


def drop_phi(
    logger: Any, method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """The structlog processor that keeps note text out of every log line."""
    dropped: list[str] = []
    for key in list(event_dict):
        if key in _KEEP:
            continue
        value = event_dict[key]
        if key == "exception" and isinstance(value, str):
            event_dict[key] = _scrub_traceback(value)
            continue
        if key.lower() in PHI_KEYS or key.lower().endswith("_text"):
            del event_dict[key]
            dropped.append(key)
            continue
        cleaned = _clean(value, dropped, key)
        if cleaned is None and value is not None:
            del event_dict[key]
        else:
            event_dict[key] = cleaned
    event = event_dict.get("event")
    if isinstance(event, str):
        if _looks_like_text(event):
            event_dict["event"] = "[log message dropped: it may hold note text]"
        else:
            event_dict["event"] = _scrub(event)
    elif event is not None:
        event_dict["event"] = "[log message dropped: not a plain string]"
    if dropped:
        event_dict["phi_dropped"] = sorted(set(event_dict.get("phi_dropped", []) + dropped))
    return event_dict


def _shared_processors() -> list[Any]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
        structlog.processors.format_exc_info,
        drop_phi,
    ]


def configure_logging(
    level: str | int | None = None, *, json: bool | None = None, stream: IO[str] | None = None
) -> None:
    """(Re)configure agentkit's logging. Safe to call more than once."""
    global _configured
    with _config_lock:
        level = level if level is not None else os.environ.get("AGENTKIT_LOG_LEVEL", "WARNING")
        numeric = logging.getLevelName(level.upper()) if isinstance(level, str) else int(level)
        if not isinstance(numeric, int):
            numeric = logging.WARNING
        target = stream if stream is not None else sys.stderr
        if json is None:
            fmt = os.environ.get("AGENTKIT_LOG_FORMAT", "").lower()
            json = fmt == "json" if fmt in ("json", "console") else not _isatty(target)
        renderer: Any = (
            structlog.processors.JSONRenderer()
            if json
            else structlog.dev.ConsoleRenderer(colors=_isatty(target))
        )

        handler = logging.StreamHandler(target)
        handler.set_name(_HANDLER_NAME)
        handler.setFormatter(
            structlog.stdlib.ProcessorFormatter(
                processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
                foreign_pre_chain=_shared_processors(),
            )
        )
        root = logging.getLogger("agentkit")
        for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
            root.removeHandler(old)
        root.addHandler(handler)
        root.setLevel(numeric)
        root.propagate = False
        for name in _SDK_LOGGERS:
            sdk = logging.getLogger(name)
            sdk.setLevel(max(logging.WARNING, sdk.level))
            for old in [h for h in sdk.handlers if h.get_name() == _HANDLER_NAME]:
                sdk.removeHandler(old)
            sdk.addHandler(handler)
            sdk.propagate = False
        _configured = True


def get_logger(name: str = "agentkit") -> Any:
    """A structlog logger with agentkit's processors (an application's own structlog
    configuration is left alone); sets up agentkit's handler on first use."""
    if not _configured:
        configure_logging()
    if not name.startswith("agentkit"):
        name = f"agentkit.{name}"
    return structlog.wrap_logger(
        logging.getLogger(name),
        processors=[
            structlog.stdlib.filter_by_level,
            *_shared_processors(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        wrapper_class=structlog.stdlib.BoundLogger,
    )


def _isatty(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
