"""An abscess and cellulitis written together at one site ("buccal space abscess/cellulitis")
is the site's own code when that code names both (K12.2 cellulitis and abscess of mouth; L03
Excludes2 sends cellulitis of the mouth there): the cellulitis without a site of its own is
not also L03.90. A cellulitis of another part keeps its code. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def _codes(postop: str) -> list[str]:
    note = (
        f"PREOPERATIVE DIAGNOSIS: {postop}\nPOSTOPERATIVE DIAGNOSIS: {postop}\n"
        "PROCEDURE: Incision and drainage.\n"
    )
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_abscess_slash_cellulitis_of_the_mouth_is_one_code() -> None:
    found = _codes("Left buccal space abscess/cellulitis.")
    assert found == ["K12.2"]


def test_cellulitis_of_a_leg_beside_it_is_kept() -> None:
    found = _codes("Buccal space abscess. Cellulitis of the right lower leg.")
    assert "K12.2" in found and "L03.115" in found
