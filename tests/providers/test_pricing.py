"""The dated price table, config overrides, per-attempt cost and the unpriced-model warning."""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
from pathlib import Path

import pytest
import yaml

from agentkit.config import AgentkitConfig, Price, load_config
from agentkit.errors import DataFileError
from agentkit.logs import configure_logging
from agentkit.providers.pricing import bundled_prices, load_price_file, price_table

SPECS = Path(__file__).resolve().parents[2] / "specs"


def test_bundled_table_is_dated_and_sane() -> None:
    table = bundled_prices()
    assert table.effective is not None
    dt.date.fromisoformat(table.effective)
    assert table.base
    for key, price in table.base.items():
        assert price.input >= 0 and price.output >= 0, key
        assert price.output >= price.input or key in ("local", "replay"), key


def test_every_paid_model_on_a_bundled_route_has_a_price() -> None:
    table = bundled_prices()
    for path in SPECS.glob("*.yaml"):
        route = yaml.safe_load(path.read_text(encoding="utf-8"))["model"]["route"]
        for entry in route:
            provider, _, model = entry.partition("/")
            assert table.price_for(provider, model) is not None, f"{path.name}: {entry}"


def test_cost_is_per_million_tokens() -> None:
    table = bundled_prices()
    price = table.price_for("openai", "gpt-5.4-mini")
    assert price is not None
    cost = table.cost("openai", "gpt-5.4-mini", 1_000_000, 1_000_000)
    assert cost == pytest.approx(price.input + price.output)
    assert table.cost("local", "", 5000, 5000) == 0.0


def test_config_overrides_win_and_bare_model_names_work(tmp_path: Path) -> None:
    (tmp_path / "agentkit.toml").write_text(
        '[prices]\n"openai/gpt-5.4-mini" = { input = 0.5, output = 1.0 }\n'
        '"my-llama" = { input = 0.0, output = 0.1 }\n',
        encoding="utf-8",
    )
    table = price_table(load_config(tmp_path / "agentkit.toml"))
    assert table.cost("openai", "gpt-5.4-mini", 2_000_000, 0) == pytest.approx(1.0)
    assert table.cost("openai-compatible", "my-llama", 0, 10_000_000) == pytest.approx(1.0)


def test_served_model_id_and_provider_wildcard_are_looked_up() -> None:
    table = price_table(AgentkitConfig(prices={"openai-compatible/*": Price(input=1, output=1)}))
    assert table.price_for("openai", "gpt-5.4-mini-latest", "gpt-5.4-mini") is not None
    assert table.price_for("openai-compatible", "anything") == Price(input=1, output=1)


def test_unpriced_model_warns_once_and_costs_nothing_known() -> None:
    model = f"not-a-real-model-{uuid.uuid4().hex[:8]}"
    table = bundled_prices()
    stream = io.StringIO()
    configure_logging("WARNING", json=True, stream=stream)
    try:
        assert table.cost("openai", model, 10, 10) is None
        assert table.cost("openai", model, 10, 10) is None
    finally:
        configure_logging()
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    warnings = [line for line in lines if model in line.get("model", "")]
    assert len(warnings) == 1
    # the warning survives the PHI filter whole: an operator can act on it
    assert warnings[0]["event"] == "model_unpriced"
    assert "[prices]" in warnings[0]["fix"]
    assert "budgets" in warnings[0]["effect"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("effective = 2026-01-01\n", "needs a [prices] table"),
        ('[prices]\n"m" = { input = "cheap", output = 1 }\n', "price of 'm'"),
        ("[prices\n", "not valid TOML"),
    ],
)
def test_malformed_price_files_say_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(DataFileError, match=problem.replace("[", r"\[")):
        load_price_file(text, "prices.toml")
