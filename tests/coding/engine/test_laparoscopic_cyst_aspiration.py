"""A laparoscopy whose only work is emptying a cyst is 49322; an operation done through the
scope that removes the organ includes draining its cyst."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_laparoscopic_drainage_of_a_cyst() -> None:
    note = (
        "PROCEDURE: Diagnostic laparoscopy and drainage of an ovarian cyst.\n"
        "DESCRIPTION: The laparoscope was introduced at the umbilicus. A 4 cm simple cyst of "
        "the right ovary was needled and drained of clear fluid. The pelvis was otherwise "
        "normal.\n"
    )
    assert codes(note) == ["49322"]


def test_cyst_drained_during_an_oophorectomy_is_part_of_it() -> None:
    note = (
        "PROCEDURE: Laparoscopic right salpingo-oophorectomy.\n"
        "DESCRIPTION: Ports were placed. The large right ovarian cyst was aspirated to shrink "
        "it, then the infundibulopelvic ligament was sealed and the tube and ovary were "
        "removed in a bag.\n"
    )
    assert "49322" not in codes(note)
