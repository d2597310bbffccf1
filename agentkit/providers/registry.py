"""Route entries (``openai/gpt-5.4-mini``, ``local``) to provider instances.

Backends are registered by import path so that loading a spec never imports an SDK it
does not use. Third parties may add their own with :func:`register_provider`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from agentkit.errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.config import AgentkitConfig
    from agentkit.providers.base import Provider

__all__ = [
    "ProviderFactory",
    "clear_pool",
    "get_provider",
    "known_providers",
    "parse_route_entry",
    "register_provider",
    "resolve",
]

ProviderFactory = Callable[[str, "AgentkitConfig"], "Provider"]

# name -> ("module:factory", needs_model)
_REGISTRY: dict[str, tuple[str | ProviderFactory, bool]] = {
    "openai": ("agentkit.providers.openai:create", True),
    "anthropic": ("agentkit.providers.anthropic:create", True),
    "openai-compatible": ("agentkit.providers.openai_compatible:create", True),
    "local": ("agentkit.providers.local:create", False),
    "replay": ("agentkit.providers.replay:create", False),
}


def register_provider(
    name: str, factory: str | ProviderFactory, *, needs_model: bool = True
) -> None:
    """Add or replace a backend. ``factory(model, config)`` returns a Provider."""
    _REGISTRY[name] = (factory, needs_model)


def known_providers() -> list[str]:
    return sorted(_REGISTRY)


def parse_route_entry(entry: str) -> tuple[str, str]:
    """Split a route entry: ``"openai/gpt-5.4-mini"`` -> ``("openai", "gpt-5.4-mini")``.

    ``"local"`` gives ``("local", "")``. Raises ValueError with a fix when the provider
    name is unknown or a model is missing.
    """
    name, _, model = entry.strip().partition("/")
    if name not in _REGISTRY:
        import difflib

        close = difflib.get_close_matches(name, list(_REGISTRY), n=1)
        hint = (
            f"did you mean '{close[0]}'?"
            if close
            else f"use one of: {', '.join(known_providers())}"
        )
        raise ValueError(f"unknown provider '{name}' in route entry '{entry}'; {hint}")
    needs_model = _REGISTRY[name][1]
    if needs_model and not model:
        raise ValueError(f"route entry '{entry}' needs a model; write '{name}/<model-name>'")
    return name, model


def resolve(entry: str, config: AgentkitConfig) -> Provider:
    """Build the provider for one route entry."""
    try:
        name, model = parse_route_entry(entry)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc
    target, _ = _REGISTRY[name]
    if isinstance(target, str):
        module_name, _, attr = target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            raise ConfigError(f"provider '{name}' is not available: {exc}") from exc
        factory: ProviderFactory = getattr(module, attr)
    else:
        factory = target
    return factory(model, config)


_POOL: dict[tuple[str, int], Provider] = {}


def get_provider(entry: str, config: AgentkitConfig) -> Provider:
    """A provider instance for ``entry``, reused across calls so clients keep their pools."""
    key = (entry, id(config))
    provider = _POOL.get(key)
    if provider is None:
        provider = resolve(entry, config)
        _POOL[key] = provider
    return provider


def clear_pool() -> None:
    """Forget cached provider instances (tests, config reloads)."""
    _POOL.clear()
