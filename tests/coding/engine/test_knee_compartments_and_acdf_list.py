"""Knee work in two compartments, a patellar realignment, and fusions listed level by level.

A meniscectomy in the compartment other than a meniscus repair is separate work (29881 with
59 beside 29882; in the same compartment the repair only). A medial retinacular plication is
a patellar realignment that includes the lateral release. "Anterior cervical spine fusion,
C5-C6" and "..., C6-C7" as two list items are two interspaces (22551 + 22552).
"""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_meniscectomy_in_the_other_compartment_from_a_repair() -> None:
    note = (
        "PROCEDURE: Right knee arthroscopy with partial medial meniscectomy and repair of the"
        " lateral meniscus with all-inside sutures.\n"
    )
    assert lines(note) == [("29882", ["RT"]), ("29881", ["59", "RT"])]
    note = (
        "PROCEDURE: Left knee arthroscopy with partial lateral meniscectomy and medial"
        " meniscus repair.\n"
    )
    assert lines(note) == [("29882", ["LT"]), ("29881", ["59", "LT"])]


def test_meniscectomy_and_repair_of_the_same_meniscus() -> None:
    note = (
        "PROCEDURE: Right knee arthroscopy with partial medial meniscectomy and repair of the"
        " medial meniscus.\n"
    )
    assert lines(note) == [("29882", ["RT"])]


def test_medial_plication_is_a_realignment_with_its_lateral_release() -> None:
    note = (
        "PROCEDURES: 1. Lateral retinacular release. 2. Open medial plication, right knee.\n"
        "DESCRIPTION: Through a medial parapatellar incision the lateral retinaculum was released"
        " and the medial retinaculum was plicated for recurrent patellar dislocation.\n"
    )
    assert [c for c, _ in lines(note)] == ["27422"]


def test_cervical_fusion_listed_level_by_level() -> None:
    note = (
        "PROCEDURE PERFORMED\n1. Anterior cervical decompression, C5-C6.\n"
        "2. Anterior cervical decompression, C6-C7.\n3. Anterior spine instrumentation.\n"
        "4. Anterior cervical spine fusion, C5-C6.\n5. Anterior cervical spine fusion, C6-C7.\n"
        "6. Structural allograft at each level.\n"
    )
    assert [c for c, _ in lines(note)][:3] == ["22551", "22845", "22552"]
