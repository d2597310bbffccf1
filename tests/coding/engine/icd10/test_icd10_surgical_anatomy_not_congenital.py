"""A statement that tells an operation's anatomy ('esophagectomy with colonic transposition')
does not match a congenital malformation's tabular inclusion term ('Transposition of colon',
Q43.8): the anatomy was made by surgery. Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_colon_transposed_at_an_esophagectomy_is_not_congenital() -> None:
    got = codes(
        "PROCEDURE: Esophagogastroduodenoscopy.\n"
        "IMPRESSION: Postsurgical anatomy of an esophagectomy with colonic transposition, "
        "no recurrence seen.\n"
    )
    assert not any(c.startswith("Q43") for c in got)


def test_a_congenital_transposition_is_still_coded() -> None:
    got = codes("ASSESSMENT: Congenital transposition of the colon.\n")
    assert "Q43.8" in got
