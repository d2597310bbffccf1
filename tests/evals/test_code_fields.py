"""Code families come from the spec's field tree, whatever the fields are called."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentkit.evals.code_fields import (
    CodeLine,
    code_families,
    extract_lines,
    guess_families,
    lines_to_partial,
    normalize_code,
)
from agentkit.spec.compiler import compile_spec

EM_SPEC = """
spec: mini_em
version: 0.1.0
title: test
input: {note: {type: text}}
output:
  level: {type: cpt}
  basis: {type: enum, values: [mdm, time]}
  claim:
    type: object
    fields:
      lines:
        type: list
        items:
          service: {type: hcpcs}
          mods: {type: list, items: {type: modifier}, default: []}
          units: {type: integer, default: 1}
      dx: {type: list, items: {type: icd10cm}}
checks: [quotes_in_source]
model: {route: [keyword-coder]}
"""


@pytest.fixture
def em_fields(tmp_path: Path) -> object:
    path = tmp_path / "mini_em.yaml"
    path.write_text(EM_SPEC)
    return compile_spec(path).output_fields


def test_families_from_the_field_tree(mini_spec: Path, em_fields: object) -> None:
    fams = code_families(compile_spec(mini_spec).output_fields)
    assert [(f.name, f.kind, f.types, f.modifiers_key, f.units_key) for f in fams] == [
        ("procedures", "items", ("cpt",), "modifiers", "units"),
        ("diagnoses", "items", ("icd10cm",), None, None),
    ]
    fams = code_families(em_fields)  # type: ignore[arg-type]
    assert [(f.name, f.kind, f.code_key, f.modifiers_key) for f in fams] == [
        ("level", "scalar", None, None),
        ("claim.lines", "items", "service", "mods"),
        ("claim.dx", "codes", None, None),
    ]


def test_extract_and_rebuild(em_fields: object) -> None:
    fams = code_families(em_fields)  # type: ignore[arg-type]
    data = {
        "level": 99214,
        "claim": {
            "lines": [{"service": "j1100", "mods": ["rt", "59"], "units": 3}],
            "dx": ["k8020", "I10"],
        },
    }
    lines = {f.name: extract_lines(data, f) for f in fams}
    assert lines == {
        "level": [CodeLine("99214")],
        "claim.lines": [CodeLine("J1100", ("59", "RT"), 3)],
        "claim.dx": [CodeLine("K80.20"), CodeLine("I10")],
    }
    rebuilt = lines_to_partial(fams, lines)
    assert rebuilt == {
        "level": "99214",
        "claim": {
            "lines": [{"service": "J1100", "mods": ["59", "RT"], "units": 3}],
            "dx": ["K80.20", "I10"],
        },
    }


def test_normalize_code() -> None:
    assert normalize_code(45385) == "45385"
    assert normalize_code(" k80.20 ", ("icd10cm",)) == "K80.20"
    assert normalize_code("E119", ("icd10cm",)) == "E11.9"
    assert normalize_code("g0121", ("hcpcs", "icd10cm")) == "G0121"


def test_guess_families_from_data_alone() -> None:
    fams = guess_families(
        {
            "procedures": [{"code": "47562", "modifiers": []}],
            "code": "99213",
            "diagnoses": [{"code": "K80.20"}],
            "basis": "mdm",
        }
    )
    assert {(f.name, f.kind) for f in fams} == {
        ("procedures", "items"),
        ("code", "scalar"),
        ("diagnoses", "items"),
    }
