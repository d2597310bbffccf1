"""Compiling specs into models: names, nesting, descriptions, defaults, round trips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

import agentkit
from agentkit.errors import InputError

GOOD = Path(__file__).parent.parent / "fixtures" / "specs" / "good" / "visit_summary.yaml"


@pytest.fixture
def spec() -> agentkit.CompiledSpec:  # type: ignore[type-arg]
    return agentkit.compile_spec(GOOD)


def test_models_are_named_after_the_spec(spec: agentkit.CompiledSpec) -> None:  # type: ignore[type-arg]
    assert spec.Input.__name__ == "VisitSummaryInput"
    assert spec.Output.__name__ == "VisitSummaryOutput"
    item = spec.Output.model_fields["procedures"].annotation
    assert "VisitSummaryOutputProceduresItem" in repr(item)
    assert spec.name == "visit_summary" and spec.version == "1.2.0"


def test_nested_objects_lists_defaults_and_normalisation(spec: agentkit.CompiledSpec) -> None:  # type: ignore[type-arg]
    inputs = spec.Input.model_validate(
        {"note": "x", "patient": {"age": 40}, "date_of_service": "2025-03-01"}
    )
    assert inputs.patient.sex == "unknown"  # enum default
    assert inputs.date_of_service == dt.date(2025, 3, 1)
    out = spec.Output.model_validate(
        {"procedures": [{"code": " 47562 ", "evidence": "e", "confidence": 0.5}]}
    )
    proc = out.procedures[0]
    assert (proc.code, proc.modifiers, proc.units) == ("47562", [], 1)
    assert out.summary is None
    again = spec.Output.model_validate(out.model_dump())
    assert again == out


@pytest.mark.parametrize(
    "bad",
    [
        {"code": "4756", "evidence": "e", "confidence": 0.5},
        {"code": "47562", "evidence": "e", "confidence": 1.5},
        {"code": "47562", "evidence": "e", "confidence": 0.5, "units": 0},
        {"code": "47562", "evidence": "e", "confidence": 0.5, "modifiers": ["ZZ"]},
        {"code": "47562", "evidence": "e", "confidence": 0.5, "extra": 1},
    ],
)
def test_output_contract_rejects_bad_values(spec: agentkit.CompiledSpec, bad: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError):
        spec.Output.model_validate({"procedures": [bad]})


def test_descriptions_reach_the_json_schema(spec: agentkit.CompiledSpec) -> None:  # type: ignore[type-arg]
    schema = spec.output_schema
    procedures = schema["properties"]["procedures"]
    assert procedures["description"] == "Codes, principal first."
    assert procedures["items"]["properties"]["code"]["description"] == "The CPT code."
    assert spec.input_schema["properties"]["note"]["description"] == "The note."


def test_input_error_lists_every_bad_field(spec: agentkit.CompiledSpec) -> None:  # type: ignore[type-arg]
    with pytest.raises(InputError) as info:
        spec.validate_inputs({"note": "   ", "patient": {"sex": "F", "age": 200}, "notes": "x"})
    fields = [f for f, _ in info.value.errors]
    assert fields == ["note", "patient.sex", "patient.age", "notes"]
    message = str(info.value)
    assert "4 invalid inputs for spec 'visit_summary'" in message
    assert "did you mean 'note'?" in message
    assert "must not be empty" in message


def test_missing_note_is_a_clear_input_error(spec: agentkit.CompiledSpec) -> None:  # type: ignore[type-arg]
    with pytest.raises(InputError, match="note: is required"):
        spec.validate_inputs({})


def test_rules_are_split_into_sentences(spec: agentkit.CompiledSpec) -> None:  # type: ignore[type-arg]
    assert spec.rules == ["Code only what was done.", "Quote the note."]


def test_quote_check_always_runs_even_when_not_listed(tmp_path: Path) -> None:
    text = GOOD.read_text().replace("checks: [quotes_in_source, no_duplicate_codes]", "checks: []")
    path = tmp_path / "s.yaml"
    path.write_text(text)
    spec = agentkit.compile_spec(path)
    assert [c.check.name for c in spec.checks] == ["quotes_in_source"]
