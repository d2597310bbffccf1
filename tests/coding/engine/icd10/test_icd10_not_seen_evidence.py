"""A writer who says they do not see (or did not find) evidence of a diagnosis denies it, as
"no evidence of" does, through the list that follows. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_do_not_see_evidence_denies_the_listed_diagnoses() -> None:
    note = (
        "ASSESSMENT: Migraine without aura. I do not see evidence of multiple sclerosis, "
        "Meniere's disease, or benign paroxysmal positional vertigo.\n"
    )
    codes = _codes(note)
    assert "H81.10" not in codes
    assert "G35" not in codes
    assert "G43.009" in codes


def test_did_not_find_any_signs_of() -> None:
    note = (
        "ASSESSMENT: Vertigo. We didn't find any signs of benign positional vertigo on testing.\n"
    )
    assert _codes(note) == ["R42"]


def test_the_diagnosis_before_the_denial_stays() -> None:
    # trap: the denial covers what follows it, not the diagnosis the writer makes
    note = (
        "ASSESSMENT: Benign paroxysmal positional vertigo, right. "
        "I do not see evidence of a central cause.\n"
    )
    assert _codes(note) == ["H81.11"]
