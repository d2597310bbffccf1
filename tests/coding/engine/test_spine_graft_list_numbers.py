"""A procedure list's item number is no graft size: "3. Right iliac bone graft" is a morselized
autograft through a separate incision (20937), not a structural allograft sized in millimetres
(20931). A size written in millimetres before the graft still makes it structural."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> set[str]:
    return {p["code"] for p in code_cpt(note)["procedures"]}


def test_numbered_iliac_bone_graft_item_is_separate_incision_autograft() -> None:
    note = (
        "PROCEDURES:\n"
        "1. Posterior cervical fusion C5-C6.\n"
        "2. Left iliac bone graft.\n"
        "DESCRIPTION: The C5 and C6 laminae and facets were decorticated. Through a separate "
        "incision over the posterior iliac crest cancellous bone was taken with curettes and "
        "packed over the decorticated laminae and into the C5-C6 facets.\n"
    )
    got = codes(note)
    assert "22600" in got
    assert "20937" in got
    assert "20931" not in got


def test_millimetre_sized_allograft_spacer_stays_structural() -> None:
    note = (
        "PROCEDURE: Anterior cervical discectomy and fusion C5-C6 with an anterior plate.\n"
        "DESCRIPTION: Through a right anterior cervical approach the C5-C6 disc was removed and "
        "the cord decompressed. An 8 mm cortical allograft spacer was tapped into the interspace "
        "and a plate was secured with four screws.\n"
    )
    got = codes(note)
    assert {"22551", "20931"} <= got


def test_machined_bone_implant_in_the_interspace_is_structural_allograft() -> None:
    note = (
        "PROCEDURES:\n"
        "1. C6-C7 anterior cervical discectomy and arthrodesis.\n"
        "2. Insertion of a machined bone implant.\n"
        "3. Anterior plate C6-C7.\n"
        "DESCRIPTION: Through a left anterior cervical approach the C6-C7 disc was removed. A "
        "size 6 machined bone implant was tapped into the disc space and a plate was fixed with "
        "screws.\n"
    )
    got = codes(note)
    assert {"22551", "22845", "20931"} <= got
