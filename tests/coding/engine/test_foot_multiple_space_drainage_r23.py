"""Several deep spaces or compartments of the foot opened and drained below the fascia are
the multiple-area code 28003 (it replaces the one-space 28002); one space stays 28002."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_two_plantar_compartments_drained() -> None:
    note = (
        "PROCEDURE: Incision and drainage of deep abscess, right foot, multiple compartments.\n"
        "DESCRIPTION: Through medial and plantar incisions the medial and central plantar "
        "compartments were opened and drained of pus. The wounds were packed open.\n"
    )
    got = codes(note)
    assert "28003" in got and "28002" not in got


def test_one_deep_space_stays_28002() -> None:
    note = (
        "PROCEDURE: Incision and drainage of deep abscess, right foot.\n"
        "DESCRIPTION: A plantar incision was made and the deep abscess in the central plantar "
        "space was drained of pus. The wound was packed open.\n"
    )
    got = codes(note)
    assert "28002" in got and "28003" not in got
