"""A sided service whose procedure list and diagnoses name no side takes the side the
operative narrative names, when the narrative names one side only; "to the right of" a
landmark is a direction, not a side."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_the_narrative_names_the_foot() -> None:
    note = (
        "PROCEDURE: Keller bunionectomy.\n"
        "DESCRIPTION: After a digital block the left foot was prepped and draped. A dorsomedial "
        "incision was made over the first metatarsophalangeal joint of the left foot, the medial "
        "eminence was removed and the base of the proximal phalanx was resected. The capsule "
        "and skin were closed."
    )
    assert _lines(note) == [("28292", ["LT"])]


def test_a_narrative_naming_both_sides_gives_none() -> None:
    note = (
        "PROCEDURE: Keller bunionectomy.\n"
        "DESCRIPTION: The right foot was prepped and draped; the left leg was padded. The medial "
        "eminence was removed and the base of the proximal phalanx was resected."
    )
    assert _lines(note) == [("28292", [])]


def test_a_direction_is_no_side() -> None:
    note = (
        "PROCEDURE: Excision of a ganglion cyst of the wrist.\n"
        "DESCRIPTION: A transverse incision was made to the right of the tendon. The cyst was "
        "traced to its stalk at the joint capsule and excised with the stalk."
    )
    assert _lines(note) == [("25111", [])]


def test_only_limb_operations_take_the_story_side() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Mass of the nasopharynx.\n"
        "PROCEDURE: Nasal endoscopy with debridement of the nasopharyngeal mass.\n"
        "DESCRIPTION: A rigid telescope was passed along the floor of the nose to a mass on the "
        "left side of the nasopharynx, which was taken down with a microdebrider."
    )
    lines = _lines(note)
    assert lines and all(mods == [] for _, mods in lines)
