"""Find a spec by name or path, and keep compiled specs cached until their file changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agentkit.config import get_config
from agentkit.errors import SpecError, SpecIssue
from agentkit.spec.compiled import CompiledSpec
from agentkit.spec.compiler import compile_spec

__all__ = ["bundled_specs_dir", "find_spec", "load", "spec_search_path"]

_CACHE: dict[str, tuple[float, CompiledSpec[Any, Any]]] = {}


def bundled_specs_dir() -> Path:
    return Path(__file__).resolve().parent.parent.parent / "specs"


def spec_search_path() -> list[Path]:
    config = get_config()
    dirs = [config.resolve_path(config.specs_dir), Path.cwd() / "specs", bundled_specs_dir()]
    unique: list[Path] = []
    for d in dirs:
        if d not in unique:
            unique.append(d)
    return unique


def find_spec(name_or_path: str | Path) -> Path:
    """A file path as given, else ``<dir>/<name>.yaml`` in the search path."""
    p = Path(name_or_path)
    if p.suffix in (".yaml", ".yml") or p.exists() or len(p.parts) > 1:
        return p
    for directory in spec_search_path():
        for suffix in (".yaml", ".yml"):
            candidate = directory / f"{name_or_path}{suffix}"
            if candidate.is_file():
                return candidate
    searched = ", ".join(str(d) for d in spec_search_path())
    raise SpecError(
        [
            SpecIssue(
                str(name_or_path),
                None,
                None,
                f"no spec named '{name_or_path}'",
                fix=f"give a path to a .yaml file or put it in one of: {searched}",
            )
        ]
    )


def load(
    name_or_path: str | Path, *, route: list[str] | str | None = None
) -> CompiledSpec[Any, Any]:
    """Compile a spec (cached until the file changes) and return its typed function.

    ``route`` replaces the spec's model route, e.g. ``route=["local"]``.
    """
    path = find_spec(name_or_path)
    key = str(path.resolve())
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = -1.0
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == mtime:
        spec = cached[1]
    else:
        spec = compile_spec(path)
        _CACHE[key] = (mtime, spec)
    return spec.with_route(route) if route else spec
