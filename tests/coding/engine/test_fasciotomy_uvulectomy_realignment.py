"""Which code a release, a resection or a realignment is.

The plantar fascia cut or released is a foot fasciotomy (28008); a piece of it cut out is a
partial plantar fasciectomy (28060), never a Dupuytren palmar fasciectomy. A uvula (with the
free edge of the soft palate) cut away and listed as its own procedure is 42140, trimming it at
a tonsillectomy is not. A medial retinacular plication is a proximal patellar realignment
(27422), a tibial tubercle transfer is not.
"""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_plantar_fascia_released_or_excised() -> None:
    note = (
        "PROCEDURE: Partial plantar fasciotomy, left foot.\n"
        "DESCRIPTION: The medial band of the plantar fascia was transected.\n"
    )
    assert codes(note) == ["28008"]
    note = (
        "PROCEDURE: Partial plantar fasciectomy, right foot. A 1 cm segment of the plantar"
        " fascia was excised.\n"
    )
    assert codes(note) == ["28060"]


def test_uvula_resected_as_its_own_procedure() -> None:
    note = (
        "OPERATION: 1. Tonsillectomy. 2. Resection of the soft palate.\n"
        "DESCRIPTION: Both tonsils were removed. The edematous portion of the soft palate was"
        " resected. The patient is a 38-year-old man.\n"
    )
    assert codes(note) == ["42826", "42140"]
    note = (
        "OPERATION: Tonsillectomy.\nDESCRIPTION: Both tonsils were removed. The redundant tip"
        " of the uvula was trimmed. The patient is a 38-year-old man.\n"
    )
    assert codes(note) == ["42826"]


def test_medial_plication_is_a_proximal_realignment() -> None:
    note = (
        "PROCEDURES: 1. Lateral retinacular release. 2. Open medial plication, right knee.\n"
        "DESCRIPTION: The medial retinaculum was plicated for recurrent patellar dislocation.\n"
    )
    assert codes(note) == ["27422"]
