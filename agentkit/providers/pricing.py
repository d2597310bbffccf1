"""What each attempt cost, from an editable, dated price table.

The bundled table (``prices.toml`` next to this module) carries the date its prices were
checked; ``[prices]`` in the project config (and ``prices_file``) override single models.
A model with no price gets a warning once per process and an empty cost: a guessed cost
would make budgets lie.
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from agentkit.config import Price
from agentkit.errors import DataFileError
from agentkit.logs import get_logger

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.config import AgentkitConfig

__all__ = ["PriceTable", "bundled_prices", "load_price_file", "price_table"]

log = get_logger("agentkit.providers")

_warned: set[str] = set()
_warned_lock = threading.Lock()


@dataclass(frozen=True)
class PriceTable:
    """Prices per million tokens; ``overrides`` (the project's config) win over ``base``."""

    base: Mapping[str, Price]
    overrides: Mapping[str, Price] = field(default_factory=dict)
    effective: str | None = None

    def price_for(self, provider: str, model: str, served_model: str | None = None) -> Price | None:
        """Route entry, then bare model name, then the model id the server reported, then
        ``provider/*``."""
        keys = [f"{provider}/{model}" if model else provider, model]
        if served_model and served_model != model:
            keys += [f"{provider}/{served_model}", served_model]
        keys.append(f"{provider}/*")
        for table in (self.overrides, self.base):
            for key in keys:
                if key and key in table:
                    return table[key]
        return None

    def cost(
        self,
        provider: str,
        model: str,
        input_tokens: int,
        output_tokens: int,
        served_model: str | None = None,
    ) -> float | None:
        """US dollars for one attempt, or None (with a one-time warning) when unpriced."""
        price = self.price_for(provider, model, served_model)
        if price is None:
            _warn_unpriced(f"{provider}/{model}" if model else provider)
            return None
        return round((input_tokens * price.input + output_tokens * price.output) / 1_000_000, 10)


def load_price_file(text: str, source: str) -> tuple[dict[str, Price], str | None]:
    """Parse a price file: ``effective = "YYYY-MM-DD"`` and a ``[prices]`` table."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(source, f"not valid TOML: {exc}") from exc
    table = data.get("prices")
    if not isinstance(table, dict):
        raise DataFileError(
            source, "needs a [prices] table of {input = ..., output = ...} per model"
        )
    prices: dict[str, Price] = {}
    for key, value in table.items():
        try:
            prices[key] = Price.model_validate(value)
        except ValidationError as exc:
            problem = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
            )
            raise DataFileError(source, f"price of {key!r}: {problem}") from exc
    effective = data.get("effective")
    return prices, str(effective) if effective is not None else None


@lru_cache(maxsize=1)
def bundled_prices() -> PriceTable:
    path = resources.files("agentkit.providers").joinpath("prices.toml")
    prices, effective = load_price_file(path.read_text(encoding="utf-8"), str(path))
    return PriceTable(prices, effective=effective)


def price_table(config: AgentkitConfig) -> PriceTable:
    """The bundled prices with the project's ``[prices]`` on top."""
    base = bundled_prices()
    if not config.prices:
        return base
    return PriceTable(base.base, dict(config.prices), base.effective)


def _warn_unpriced(label: str) -> None:
    with _warned_lock:
        if label in _warned:
            return
        _warned.add(label)
    log.warning(
        "model_unpriced",
        model=label,
        effect="cost left empty; cost budgets cannot count it",
        fix="add the model under [prices] in agentkit.toml",
    )
