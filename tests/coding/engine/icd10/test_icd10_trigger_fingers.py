"""Trigger fingers: each finger named is a code of its own (M65.3 by digit and side), the
ordinal names of the fingers count ('third and fourth'), a finger's tenosynovitis at its A1
pulley is the stenosing one, and a side told once for the statement sides every finger.
Synthetic notes."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def _codes(statement: str) -> list[str]:
    note = f"ASSESSMENT:\n1. {statement}\nPLAN: Splinting; recheck in six weeks.\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


@pytest.mark.parametrize(
    ("statement", "codes"),
    [
        ("Trigger fingers of the left ring and little fingers.", {"M65.342", "M65.352"}),
        ("Right index and middle trigger fingers.", {"M65.321", "M65.331"}),
        (
            "Tenosynovitis of the right second and third fingers at the A1 pulley.",
            {"M65.321", "M65.331"},
        ),
        ("Right trigger thumb.", {"M65.311"}),
    ],
)
def test_each_trigger_finger_is_coded(statement: str, codes: set[str]) -> None:
    found = set(_codes(statement))
    assert codes <= found
    assert not any(c.startswith("M65.9") for c in found)


def test_tenosynovitis_without_a_pulley_stays_by_site() -> None:
    assert "M65.931" in _codes("Tenosynovitis of the right wrist.")
