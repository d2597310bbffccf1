"""An ulnar styloid fracture fixed beside a distal radius fracture is coded on its own (CPT
bundles only the styloid's closed treatment, 25650, into the radius codes): pinned through the
skin 25651, fixed open with a screw or tension band 25652. A styloid left unfixed, or named only
as a fragment of the radius fracture, adds nothing."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> set[str]:
    return {p["code"] for p in code_cpt(note)["procedures"]}


def test_styloid_pinned_percutaneously_beside_a_volar_plate() -> None:
    note = """PROCEDURES PERFORMED: ORIF of a left intra-articular
distal radius fracture. Percutaneous pinning of the left ulnar styloid.
DESCRIPTION: The radius was exposed through a volar approach, reduced and fixed with a locking
plate. The displaced ulnar styloid was then reduced and pinned with a 0.045 K-wire placed
percutaneously.
"""
    codes = _codes(note)
    assert "25651" in codes and "25652" not in codes
    assert codes & {"25607", "25608", "25609"}


def test_styloid_fixed_open_with_a_tension_band() -> None:
    note = """PROCEDURE PERFORMED: Open reduction of the right ulnar styloid with tension band
fixation, and volar plating of the distal radius fracture.
DESCRIPTION: Through a separate ulnar incision the ulnar styloid was fixed with a tension band
wire after the radius had been plated.
"""
    assert "25652" in _codes(note)


def test_styloid_left_alone_adds_nothing() -> None:
    note = """PROCEDURE PERFORMED: Left distal radius fracture ORIF.
DESCRIPTION: The fracture included an ulnar styloid fragment. The radius was reduced and fixed
with a volar locking plate and screws. The ulnar styloid was not fixed.
"""
    assert not {"25651", "25652"} & _codes(note)
