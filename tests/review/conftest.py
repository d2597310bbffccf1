"""Shared setup: the scripted test coder and a copy of the mini_cpt fixture spec and suite."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "evals"
if str(_FIXTURES) not in sys.path:
    sys.path.insert(0, str(_FIXTURES))

import scripted_provider  # noqa: E402

scripted_provider.install()


@pytest.fixture(autouse=True)
def _default_rules() -> Iterator[None]:
    scripted_provider.install()  # again: another test module may have replaced the name
    scripted_provider.RULES.clear()
    scripted_provider.RULES.update(scripted_provider.DEFAULT_RULES)
    scripted_provider.CALLS.clear()
    yield
    scripted_provider.RULES.clear()
    scripted_provider.RULES.update(scripted_provider.DEFAULT_RULES)


@pytest.fixture
def mini_spec(tmp_path: Path) -> Path:
    """A private copy of the fixture spec and its eval suite (tests may write baselines)."""
    root = tmp_path / "project"
    shutil.copytree(_FIXTURES / "specs", root / "specs")
    shutil.copytree(_FIXTURES / "suites", root / "suites")
    return root / "specs" / "mini_cpt.yaml"


@pytest.fixture
def trace_dir(tmp_path: Path) -> Path:
    return tmp_path / "traces"  # what the root conftest points AGENTKIT_TRACE_DIR at
