"""Shared setup: the scripted test coder and a copy of the mini_cpt fixture spec and suite."""

from __future__ import annotations

import sys
from pathlib import Path

_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "evals"
if str(_FIXTURES) not in sys.path:
    sys.path.insert(0, str(_FIXTURES))

from scripted_fixtures import _default_rules, mini_spec, trace_dir  # noqa: E402

__all__ = ["_default_rules", "mini_spec", "trace_dir"]
