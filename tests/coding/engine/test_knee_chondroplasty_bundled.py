"""Chondroplasty (29877) is part of any other surgical knee arthroscopy on the same knee; it is
reported alone only when it is the whole operation."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def claim(note: str) -> list[str]:
    return [
        p["code"] + "".join(f"-{m}" for m in p["modifiers"]) for p in code_cpt(note)["procedures"]
    ]


def test_chondroplasty_with_a_lateral_release_is_part_of_it() -> None:
    note = (
        "PROCEDURE: Right knee arthroscopy with lateral retinacular release and chondroplasty "
        "of the patella.\n"
        "DESCRIPTION: Standard portals were made. The patellar cartilage was shaved smooth "
        "with the shaver. The lateral retinaculum was released arthroscopically until the "
        "patella could be everted.\n"
    )
    assert claim(note) == ["29873-RT"]


def test_chondroplasty_alone_is_reported() -> None:
    note = (
        "PROCEDURE: Left knee arthroscopy with chondroplasty of the medial femoral condyle.\n"
        "DESCRIPTION: Through standard portals the unstable cartilage flaps of the medial "
        "femoral condyle were debrided with a shaver to a stable rim.\n"
    )
    assert claim(note) == ["29877-LT"]
