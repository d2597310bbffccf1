"""Project configuration: ``agentkit.toml`` or ``[tool.agentkit]`` in ``pyproject.toml``.

Looked up from the working directory upwards (or ``AGENTKIT_CONFIG``). Environment variables
win over the file for the settings that have one (``AGENTKIT_ROUTE``, ``AGENTKIT_TRACE_DIR``,
``AGENTKIT_TRACE_REDACTION``, ...). API keys are never stored here, only the *names* of the
environment variables that hold them.
"""

from __future__ import annotations

import os
import time
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agentkit.errors import ConfigError

__all__ = [
    "AgentkitConfig",
    "CacheSettings",
    "ProviderSettings",
    "TraceSettings",
    "find_config_file",
    "get_config",
    "load_config",
    "reset_config_cache",
]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProviderSettings(_Section):
    """Connection settings for one provider (``openai``, ``anthropic``, ``openai-compatible``)."""

    api_key_env: str | None = Field(default=None, description="Name of the env var holding the key")
    base_url: str | None = None
    base_url_env: str | None = None
    organization: str | None = None
    json_schema: Literal["auto", "yes", "no"] = Field(
        default="auto", description="openai-compatible: does the server support json_schema?"
    )
    headers: dict[str, str] = Field(default_factory=dict)
    timeout: float | None = None


class Price(_Section):
    """US dollars per million tokens."""

    input: float
    output: float


class TraceSettings(_Section):
    dir: str = "traces"
    redaction: Literal["hash", "mask", "full"] = "hash"
    key_env: str = "AGENTKIT_TRACE_KEY"
    fsync: bool = True
    enabled: bool = True


class CacheSettings(_Section):
    enabled: bool = False
    dir: str = ".agentkit-cache"


class ReplaySettings(_Section):
    dir: str = "recordings"
    record: bool = False


class RouterSettings(_Section):
    retries: int = Field(
        default=3, ge=0, description="extra tries per route entry on transient errors"
    )
    backoff_initial: float = 0.5
    backoff_max: float = 20.0
    breaker_failures: int = Field(default=5, ge=1)
    breaker_cooldown: float = 30.0
    deadline: float | None = Field(default=None, description="overall seconds per call")
    retry_after_max: float = Field(
        default=60.0, ge=0, description="longest retry-after honoured; a longer one falls back"
    )
    max_calls: int | None = Field(
        default=None, ge=1, description="budget: provider calls per call, retries included"
    )
    max_tokens_ceiling: int = Field(
        default=16384, ge=1, description="largest answer budget a truncated answer is retried with"
    )


class AgentkitConfig(_Section):
    route: list[str] | None = None
    specs_dir: str = "specs"
    providers: dict[str, ProviderSettings] = Field(default_factory=dict)
    prices: dict[str, Price] = Field(default_factory=dict)
    prices_file: str | None = None
    trace: TraceSettings = Field(default_factory=TraceSettings)
    cache: CacheSettings = Field(default_factory=CacheSettings)
    replay: ReplaySettings = Field(default_factory=ReplaySettings)
    router: RouterSettings = Field(default_factory=RouterSettings)
    source: str | None = Field(default=None, description="file this config came from")
    root: str | None = Field(default=None, description="directory relative paths resolve against")

    def provider(self, name: str) -> ProviderSettings:
        return self.providers.get(name, ProviderSettings())

    def resolve_path(self, value: str) -> Path:
        p = Path(value).expanduser()
        if p.is_absolute() or self.root is None:
            return p
        return Path(self.root) / p

    def env_route(self) -> list[str] | None:
        raw = os.environ.get("AGENTKIT_ROUTE", "").strip()
        if not raw:
            return None
        return [part.strip() for part in raw.split(",") if part.strip()]

    def trace_dir(self) -> Path:
        env = os.environ.get("AGENTKIT_TRACE_DIR")
        return Path(env) if env else self.resolve_path(self.trace.dir)

    def trace_redaction(self) -> str:
        env = os.environ.get("AGENTKIT_TRACE_REDACTION")
        if env:
            if env not in ("hash", "mask", "full"):
                raise ConfigError(
                    f"AGENTKIT_TRACE_REDACTION={env!r} is not one of hash, mask, full"
                )
            return env
        return self.trace.redaction


def find_config_file(start: Path | None = None) -> Path | None:
    """``AGENTKIT_CONFIG``, else the nearest agentkit.toml or [tool.agentkit] in pyproject.toml."""
    env = os.environ.get("AGENTKIT_CONFIG")
    if env:
        path = Path(env)
        if not path.is_file():
            raise ConfigError(f"AGENTKIT_CONFIG points to {env}, which is not a file")
        return path
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / "agentkit.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return False
    return "agentkit" in data.get("tool", {})


def load_config(path: Path | None = None) -> AgentkitConfig:
    """Read and validate a config file; with no file, the defaults."""
    if path is None:
        return AgentkitConfig()
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from exc
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("agentkit", {})
    try:
        config = AgentkitConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise ConfigError(f"{path}: {problems}") from exc
    config.source = str(path)
    config.root = str(path.parent)
    if config.prices_file:
        config.prices = {
            **_load_prices_file(config.resolve_path(config.prices_file)),
            **config.prices,
        }
    return config


def _load_prices_file(path: Path) -> dict[str, Price]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"prices file {path}: {exc}") from exc
    table = data.get("prices", data)
    try:
        return {k: Price.model_validate(v) for k, v in table.items() if isinstance(v, dict)}
    except ValidationError as exc:
        raise ConfigError(f"prices file {path}: {exc}") from exc


@lru_cache(maxsize=8)
def _cached(path: str | None, mtime: float) -> AgentkitConfig:
    return load_config(Path(path) if path else None)


_LOOKUP_TTL = 1.0  # seconds a config-file lookup is reused for the same directory
_lookups: dict[tuple[str, str], tuple[float, AgentkitConfig]] = {}


def get_config() -> AgentkitConfig:
    """The configuration in force for the current directory.

    The file lookup walks up the directory tree, so it is reused for a second per directory;
    an edited file is picked up on the next lookup (the parsed file is cached by mtime).
    """
    key = (os.getcwd(), os.environ.get("AGENTKIT_CONFIG", ""))
    now = time.monotonic()
    hit = _lookups.get(key)
    if hit is not None and now - hit[0] < _LOOKUP_TTL:
        return hit[1]
    path = find_config_file()
    mtime = path.stat().st_mtime if path else 0.0
    config = _cached(str(path) if path else None, mtime)
    _lookups[key] = (now, config)
    return config


def reset_config_cache() -> None:
    """Forget cached lookups (tests that write config files mid-process)."""
    _lookups.clear()
    _cached.cache_clear()
