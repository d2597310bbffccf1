"""A foreign body in the ear canal, named as the otologist names it ("external auditory
canal", "EAC") or in the problem list's inverted order ("Foreign body, right external auditory
canal"), is T16.- by side; a foreign body sensation in the ear is no object in it. Synthetic
notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(text: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(text))]


def test_external_auditory_canal_foreign_body_by_side() -> None:
    assert codes("PREOPERATIVE DIAGNOSIS: Foreign body, right external auditory canal.") == [
        "T16.1XXA"
    ]
    assert codes("DIAGNOSIS: Foreign body in the left external auditory canal.") == ["T16.2XXA"]
    assert codes("ASSESSMENT: Bilateral ear canal foreign bodies.") == ["T16.1XXA", "T16.2XXA"]


def test_foreign_body_sensation_is_not_an_object() -> None:
    assert "T16.2XXA" not in codes("DIAGNOSIS: Foreign body sensation in the left ear.")
