"""A scarf bunionectomy (a Z-shaped cut along the first metatarsal that shifts the head
fragment) is the hallux valgus correction with a distal metatarsal osteotomy (28296); an
osteotomy at the base of the metatarsal stays the proximal one (28295)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_scarf_bunionectomy_is_the_distal_osteotomy_code() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Painful bunion with hallux valgus, left foot.\n"
        "PROCEDURE PERFORMED: Scarf bunionectomy, left first metatarsal.\n"
        "DESCRIPTION: Through a medial incision the prominent medial eminence was removed with "
        "a saw. A scarf osteotomy of the first metatarsal was cut with guide wires, the head "
        "fragment was translated laterally and two screws were placed. A lateral release and a "
        "medial capsulorrhaphy were done and the skin was closed."
    )
    assert _lines(note) == [("28296", ["LT"])]


def test_base_wedge_osteotomy_stays_proximal() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Severe hallux valgus, right foot.\n"
        "PROCEDURE PERFORMED: Bunionectomy with closing base wedge osteotomy of the right first "
        "metatarsal.\n"
        "DESCRIPTION: The medial eminence was resected. A closing base wedge osteotomy was made "
        "at the base of the first metatarsal and fixed with a screw. The capsule was repaired."
    )
    assert _lines(note) == [("28295", ["RT"])]
