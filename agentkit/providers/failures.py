"""HTTP failures of any LLM wire, turned into agentkit's typed provider errors.

The router decides what to do from the error's class alone (retry, fall back, fail fast), so
this is the one place that knows which statuses are transient, which 429s are really an empty
account, and what to tell the person who has to fix a rejected key.
"""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Mapping
from typing import Any

from agentkit.errors import (
    ContextOverflow,
    ProviderAuthError,
    ProviderError,
    ProviderRequestError,
    ProviderUnavailable,
    QuotaExceeded,
)

__all__ = [
    "RETRYABLE_STATUSES",
    "connection_failure",
    "retry_after_seconds",
    "status_failure",
    "timeout_failure",
]

#: Statuses worth trying again: timeout, conflict, rate limit, server errors, Anthropic overload.
RETRYABLE_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504, 529})

_QUOTA_CODES = re.compile(r"insufficient_quota|quota|spend_limit|billing|credit", re.IGNORECASE)
_QUOTA_TEXT = re.compile(
    r"exceeded your current quota|insufficient[_ ]quota|spend(ing)? limit|credit balance",
    re.IGNORECASE,
)
_CONTEXT_CODES = re.compile(r"context_length_exceeded|context_window", re.IGNORECASE)
_CONTEXT_TEXT = re.compile(
    r"context (length|window)|maximum context|prompt is too long|exceeds? (the )?context limit|"
    r"too many input tokens",
    re.IGNORECASE,
)


def retry_after_seconds(
    headers: Mapping[str, str] | None, *, now: float | None = None
) -> float | None:
    """Seconds the server asked us to wait: ``retry-after-ms``, ``retry-after`` (secs or date)."""
    if not headers:
        return None
    raw_ms = headers.get("retry-after-ms")
    if raw_ms:
        try:
            return max(0.0, float(raw_ms) / 1000.0)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def status_failure(
    status: int,
    *,
    provider: str,
    model: str,
    message: str,
    code: str | None = None,
    key_env: str | None = None,
    key_set: bool = True,
    base_url: str | None = None,
    request_id: str | None = None,
    retry_after: float | None = None,
) -> ProviderError:
    """The typed error for one HTTP error status, with a message that says what to do."""
    detail = _short(message)
    common: dict[str, Any] = {
        "provider": provider,
        "model": model,
        "status": status,
        "request_id": request_id,
    }
    if _is_quota(status, code, message):
        return QuotaExceeded(
            f"the account is out of quota or over its spend limit ({status}: {detail}); "
            "add credit or raise the limit in the provider's console. Retrying will not help.",
            **common,
        )
    if status == 401 and not key_set:
        return ProviderAuthError(
            f"the server requires an API key (401: {detail}); set {key_env or 'its key variable'}",
            **common,
        )
    if status == 401:
        where = f"the key in {key_env}" if key_env else "the API key"
        return ProviderAuthError(
            f"{where} was rejected (401: {detail}); set {key_env or 'the key variable'} to a valid "
            "key, or unset it to skip this provider",
            **common,
        )
    if status == 403:
        return ProviderAuthError(
            f"permission denied (403: {detail}); check that the key in {key_env or 'use'} may call "
            f"model '{model}' (project, organisation, region)",
            **common,
        )
    if status in (400, 413) and _is_context(code, message):
        return ContextOverflow(
            f"the prompt does not fit the model's context window ({status}: {detail}); use a "
            "model with a larger window or shorten the input",
            **common,
        )
    if status == 404:
        where = f" at {base_url}" if base_url else ""
        return ProviderRequestError(
            f"not found (404: {detail}); check the model name '{model}' in the route"
            + (f" and that the server{where} serves it" if base_url else ""),
            **common,
        )
    if status in RETRYABLE_STATUSES:
        return ProviderUnavailable(
            f"{_transient_name(status)} ({status}: {detail})", retry_after=retry_after, **common
        )
    if 400 <= status < 500:
        return ProviderRequestError(
            f"the provider rejected the request ({status}: {detail}); this is not transient, so "
            "it is not retried",
            **common,
        )
    return ProviderUnavailable(
        f"server error ({status}: {detail})", retry_after=retry_after, **common
    )


def connection_failure(provider: str, model: str, cause: BaseException) -> ProviderUnavailable:
    return ProviderUnavailable(
        f"connection failed ({type(cause).__name__}: {_short(str(cause))})",
        provider=provider,
        model=model,
    )


def timeout_failure(provider: str, model: str, seconds: float) -> ProviderUnavailable:
    return ProviderUnavailable(
        f"no answer within {seconds:g}s (per-attempt timeout)", provider=provider, model=model
    )


def _is_quota(status: int, code: str | None, message: str) -> bool:
    if status == 402:
        return True
    if status not in (400, 403, 429):
        return False
    return bool((code and _QUOTA_CODES.search(code)) or _QUOTA_TEXT.search(message))


def _is_context(code: str | None, message: str) -> bool:
    return bool((code and _CONTEXT_CODES.search(code)) or _CONTEXT_TEXT.search(message))


def _transient_name(status: int) -> str:
    return {
        408: "request timeout",
        409: "conflict",
        429: "rate limited",
        529: "overloaded",
    }.get(status, "server error")


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
