"""HTTP statuses to typed errors, and retry-after parsing."""

from __future__ import annotations

import email.utils

import pytest

from agentkit.errors import (
    ContextOverflow,
    ProviderAuthError,
    ProviderRequestError,
    ProviderUnavailable,
    QuotaExceeded,
)
from agentkit.providers.failures import retry_after_seconds, status_failure


@pytest.mark.parametrize(
    ("status", "code", "message", "expected"),
    [
        (408, None, "timeout", ProviderUnavailable),
        (409, None, "conflict", ProviderUnavailable),
        (
            429,
            "rate_limit_exceeded",
            "Rate limit reached; add a payment method at billing",
            ProviderUnavailable,
        ),
        (500, None, "boom", ProviderUnavailable),
        (503, None, "unavailable", ProviderUnavailable),
        (529, "overloaded_error", "Overloaded", ProviderUnavailable),
        (429, "insufficient_quota", "You exceeded your current quota", QuotaExceeded),
        (429, "enforced_spend_limit_reached", "limit", QuotaExceeded),
        (400, "invalid_request_error", "Your credit balance is too low", QuotaExceeded),
        (402, None, "payment required", QuotaExceeded),
        (401, None, "bad key", ProviderAuthError),
        (403, None, "forbidden", ProviderAuthError),
        (400, "context_length_exceeded", "too long", ContextOverflow),
        (400, None, "prompt is too long: 250000 tokens > 200000 maximum", ContextOverflow),
        (400, None, "bad schema", ProviderRequestError),
        (404, None, "model not found", ProviderRequestError),
        (422, None, "unprocessable", ProviderRequestError),
    ],
)
def test_statuses_map_to_typed_errors(
    status: int, code: str | None, message: str, expected: type
) -> None:
    error = status_failure(
        status, provider="openai", model="m", message=message, code=code, key_env="OPENAI_API_KEY"
    )
    assert type(error) is expected
    assert error.retryable is (expected is ProviderUnavailable)
    assert error.status == status


def test_auth_message_names_the_variable_and_the_fix() -> None:
    error = status_failure(
        401,
        provider="anthropic",
        model="claude",
        message="invalid x-api-key",
        key_env="ANTHROPIC_API_KEY",
    )
    assert str(error).startswith("anthropic/claude: the key in ANTHROPIC_API_KEY was rejected")
    assert "set ANTHROPIC_API_KEY to a valid key" in str(error)


def test_not_found_points_at_the_model_name() -> None:
    error = status_failure(
        404,
        provider="openai-compatible",
        model="llama3",
        message="no such model",
        base_url="http://localhost:11434/v1",
    )
    assert "check the model name 'llama3'" in str(error) and "localhost:11434" in str(error)


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"retry-after": "2"}, 2.0),
        ({"retry-after": "0.25"}, 0.25),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after-ms": "1500", "retry-after": "9"}, 1.5),
        ({"retry-after": "soon"}, None),
        ({}, None),
        (None, None),
    ],
)
def test_retry_after_headers(headers: dict[str, str] | None, seconds: float | None) -> None:
    assert retry_after_seconds(headers) == seconds


def test_retry_after_as_an_http_date() -> None:
    now = 1_800_000_000.0
    header = email.utils.formatdate(now + 30, usegmt=True)
    assert retry_after_seconds({"retry-after": header}, now=now) == pytest.approx(30.0)
    assert (
        retry_after_seconds({"retry-after": email.utils.formatdate(now - 30, usegmt=True)}, now=now)
        == 0.0
    )
