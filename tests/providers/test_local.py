"""The ``local`` route entry: the offline coder behind the provider interface."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

import agentkit
from agentkit.config import AgentkitConfig
from agentkit.errors import UnsupportedSpec
from agentkit.providers.base import ProviderRequest
from agentkit.providers.local import LocalProvider
from agentkit.providers.registry import resolve

NOTE = (
    "PREOPERATIVE DIAGNOSIS: Right inguinal hernia.\n"
    "POSTOPERATIVE DIAGNOSIS: Right indirect inguinal hernia.\n"
    "PROCEDURE PERFORMED: Right inguinal hernia repair with mesh.\n"
    "DESCRIPTION OF PROCEDURE: Through a right groin incision the indirect sac was dissected "
    "off the cord, reduced, and a polypropylene mesh was sutured in place."
)


def _request(spec: str, inputs: dict[str, Any]) -> ProviderRequest:
    return ProviderRequest(
        spec=spec,
        fingerprint="f",
        input_hash="h",
        inputs=inputs,
        messages=(),
        output_schema={},
        schema_name=spec,
    )


def test_registry_builds_the_local_provider_without_a_model() -> None:
    provider = resolve("local", AgentkitConfig())
    assert isinstance(provider, LocalProvider)
    assert provider.label == "local"
    assert provider.unavailable_reason() is None


def test_generate_fills_the_cpt_contract_with_no_tokens() -> None:
    response = asyncio.run(LocalProvider().generate(_request("cpt_coding", {"note": NOTE})))
    assert response.model.startswith("agentkit-local/")
    assert response.finish_reason == "stop"
    assert (response.input_tokens, response.output_tokens) == (0, 0)
    assert json.loads(response.text) == response.parsed
    first = response.parsed["procedures"][0]
    assert (first["code"], first["modifiers"]) == ("49505", ["RT"])
    assert first["evidence"] in NOTE


def test_other_specs_are_refused_by_name() -> None:
    with pytest.raises(UnsupportedSpec) as err:
        asyncio.run(LocalProvider().generate(_request("prior_auth_letter", {"note": NOTE})))
    message = str(err.value)
    assert "prior_auth_letter" in message and "not supported by local" in message
    assert "cpt_coding" in message


def test_bundled_spec_runs_end_to_end_on_local_with_clean_quotes() -> None:
    cpt = agentkit.load("cpt_coding", route=["local"])
    result = cpt(note=NOTE)
    assert [p.code for p in result.output.procedures] == ["49505"]
    assert not [f for f in result.findings if f.check == "quotes_in_source"]


def test_garbage_note_goes_to_review_with_no_codes() -> None:
    cpt = agentkit.load("cpt_coding", route=["local"])
    result = cpt(note="qzx vbnm plok " * 50)
    assert result.output.procedures == []
    assert result.review is not None and result.review.decision == "needs_review"
