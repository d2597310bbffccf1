"""A testis whose torsion untwisted before the exploration (nothing left to reduce) and is
fixed, with the other one, is the testis fixation 54620 (50 for both sides), not the reduction
of torsion 54600; a torsion found and untwisted stays 54600. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_a_spontaneously_detorsed_testis_fixed_on_both_sides() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right testicular torsion with spontaneous detorsion.\n"
        "PROCEDURE: Scrotal exploration and bilateral testis fixation.\n"
        "DESCRIPTION: The right testis was delivered; there was no actual torsion, only a "
        "bell-clapper deformity and some congestion. It was fixed in a subdartos pouch. The "
        "left testis also had a bell-clapper deformity and was placed in a subdartos pouch.\n"
    )
    found = _codes(note)
    assert found.get("54620") == ["50"]
    assert "54600" not in found


def test_a_torsion_found_and_untwisted_is_54600() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Left testicular torsion.\n"
        "PROCEDURE: Left scrotal exploration with detorsion and bilateral orchiopexy.\n"
        "DESCRIPTION: The left testis was twisted 720 degrees; it was detorsed and pinked up. "
        "It was fixed with three sutures and the right testis was fixed the same way.\n"
    )
    found = _codes(note)
    assert "54600" in found
