"""A capital "V." or "I." ending a clause is a Roman numeral (a neck level, a cranial nerve) and
ends the sentence: "levels II through V. Left ..." is two sentences, so a side or a service in
the next one is read on its own. "v." (versus), "i.e." and a Roman list number at the start of a
line ("V. Abrasions of the back") keep their old reading."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt


def _sentences(note: str) -> list[str]:
    return [note[s.start : s.end] for s in analyze(note).sentences]


def test_roman_five_ends_a_sentence() -> None:
    note = (
        "PROCEDURE: Right modified radical neck dissection, levels II through V. Left selective "
        "neck dissection, levels II through IV."
    )
    sentences = _sentences(note)
    assert any(s.endswith("levels II through V.") for s in sentences)
    assert any(s.startswith("Left selective") for s in sentences)


def test_versus_and_list_numerals_do_not_split() -> None:
    note = (
        "DESCRIPTION: The case of Smith v. Jones was cited.\n"
        "FINAL DIAGNOSIS:\nV. Abrasions of the lower back.\n"
    )
    sentences = _sentences(note)
    assert any("Smith v. Jones was cited" in s for s in sentences)
    assert any(s.startswith("V. Abrasions") for s in sentences)


def test_each_listed_procedure_keeps_its_own_evidence() -> None:
    note = "PROCEDURES PERFORMED: Neck dissection, levels II through V. Left tonsillectomy."
    lines = {p["code"]: p["evidence"] for p in code_cpt(note)["procedures"]}
    assert lines["42826"] == "Left tonsillectomy"
    assert lines["38724"] == "Neck dissection, levels II through V"
