"""Shared test setup: every test runs offline, in a temp working dir, with no API keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

_KEY_VARS = (
    "OPENAI_API_KEY",
    "ANTHROPIC_API_KEY",
    "OPENAI_BASE_URL",
    "ANTHROPIC_BASE_URL",
    "AGENTKIT_ROUTE",
    "AGENTKIT_CONFIG",
    "AGENTKIT_RECORD",
    "AGENTKIT_REPLAY_DIR",
)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for var in _KEY_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AGENTKIT_TRACE_DIR", str(tmp_path / "traces"))
    monkeypatch.chdir(tmp_path)
    from agentkit.config import reset_config_cache
    from agentkit.providers.registry import clear_pool

    clear_pool()
    reset_config_cache()
    yield
    clear_pool()
    reset_config_cache()


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
