"""Coding tests run against the bundled data, with imports going to a throw-away directory."""

from __future__ import annotations

from pathlib import Path

import pytest

CODING_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "coding"


@pytest.fixture(scope="session")
def _shared_coding_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # one directory per test session, so the ICD-10-CM prepared index is built once
    return tmp_path_factory.mktemp("coding-data")


@pytest.fixture(autouse=True)
def _coding_dir(monkeypatch: pytest.MonkeyPatch, _shared_coding_dir: Path) -> None:
    monkeypatch.setenv("AGENTKIT_CODING_DIR", str(_shared_coding_dir))


@pytest.fixture
def store_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A fresh, empty coding data directory for tests that import files."""
    path = tmp_path / "coding-store"
    monkeypatch.setenv("AGENTKIT_CODING_DIR", str(path))
    return path


@pytest.fixture
def coding_fixtures() -> Path:
    return CODING_FIXTURES
