"""The spec-level entry points: input errors, bad input, unsupported specs, candidates."""

from __future__ import annotations

import pytest

from agentkit.coding.engine.candidates import candidates_for
from agentkit.coding.engine.coder import SUPPORTED_SPECS, code_cpt, fill
from agentkit.errors import InputError, UnsupportedSpec


def test_empty_note_is_a_clear_input_error() -> None:
    with pytest.raises(InputError, match="note: is empty"):
        code_cpt("   \n ")
    with pytest.raises(InputError, match="must be text"):
        fill("cpt_coding", {"note": None})


@pytest.mark.parametrize(
    "note",
    [
        "Se realizó una colonoscopia con polipectomía. El paciente toleró bien el procedimiento "
        "y fue dado de alta a su domicilio sin complicaciones después de la recuperación. " * 3,
        "xq zzv qwrt plmk " * 40,
        "0101 1101 " * 100,
        "!!!! ???? .... ;;;; " * 50,
    ],
)
def test_foreign_language_or_garbage_yields_no_codes(note: str) -> None:
    assert code_cpt(note) == {"procedures": [], "diagnoses": []}


def test_unsupported_spec_is_refused_with_the_supported_ones() -> None:
    with pytest.raises(UnsupportedSpec) as err:
        fill("discharge_summary", {"note": "x"})
    for spec in SUPPORTED_SPECS:
        assert spec in str(err.value)


def test_output_shape_matches_the_cpt_coding_contract() -> None:
    out = fill("cpt_coding", {"note": "PROCEDURE: Right carpal tunnel release."})
    assert set(out) == {"procedures", "diagnoses"}
    line = out["procedures"][0]
    assert set(line) == {"code", "modifiers", "units", "evidence", "confidence", "rationale"}
    assert line["code"] == "64721" and line["modifiers"] == ["RT"] and line["units"] == 1
    assert 0 < line["confidence"] <= 1


def test_candidates_rank_the_choice_before_superseded_alternatives() -> None:
    found = candidates_for("cpt_coding", {"note": "PROCEDURE: Colonoscopy with snare polypectomy."})
    codes = [c["code"] for c in found]
    assert codes[:2] == ["45385", "45378"]
    assert set(found[0]) == {"code", "description", "evidence", "confidence", "why"}
    assert "45385" in found[1]["why"]
    assert candidates_for("not_a_spec", {"note": "x"}) == []
    assert candidates_for("cpt_coding", {"note": ""}) == []
    assert len(candidates_for("cpt_coding", {"note": "PROCEDURE: EGD with biopsy."}, limit=1)) == 1
