"""Both forearm shafts broken and opened: 25575 when the radius and the ulna are each fixed,
25574 when they are reduced open and held in a cast without fixation."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_both_bones_reduced_open_and_casted_without_fixation() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Displaced fractures of the left radius and ulna shafts.\n"
        "PROCEDURE: Open reduction of left both bone forearm fracture, long arm cast.\n"
        "DESCRIPTION: Closed manipulation failed under fluoroscopy. A dorsal incision was "
        "made and the fracture ends of the radius were exposed and reduced; the ulna came "
        "out to length with it. The reduction was stable and a long arm cast was applied."
    )
    assert _lines(note) == [("25574", ["LT"])]


def test_risk_of_fixation_in_the_consent_does_not_make_it_fixed() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Fractures of the right radius and ulna shafts.\n"
        "PROCEDURE: Open reduction of right both bone forearm fracture.\n"
        "INDICATIONS: Risks including infection and the possible need for internal fixation "
        "later were discussed.\n"
        "DESCRIPTION: Through a volar incision the radius was reduced under direct vision and "
        "the ulna aligned. A long arm cast was applied."
    )
    assert _lines(note) == [("25574", ["RT"])]


def test_both_bones_plated_stay_the_full_fixation_code() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right both bone forearm fracture.\n"
        "PROCEDURE: Open reduction and internal fixation of the right radius and ulna.\n"
        "DESCRIPTION: The radius was exposed through a volar approach, reduced and fixed with "
        "a 7-hole compression plate. The ulna was then reduced and plated through a "
        "subcutaneous approach. The wounds were closed."
    )
    assert _lines(note) == [("25575", ["RT"])]
