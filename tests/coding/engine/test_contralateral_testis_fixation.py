"""Fixing the remaining testis in the operation that removes the other one (a vanished,
atrophic or necrotic testis) is the fixation of the contralateral testis (54620), on the side
told with it; 'right X and left Y' names a side for each service, while 'and left in place' is
the verb."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.text.attributes import sides


def test_the_remaining_testis_fixed_beside_an_orchiectomy_is_54620_on_its_side() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Nonpalpable right testis.\n"
        "POSTOPERATIVE DIAGNOSIS: Atrophic right testicular remnant.\n"
        "PROCEDURES: Right orchiectomy and left testis fixation.\n"
        "DESCRIPTION: A 3-year-old boy. Through a right scrotal incision the small remnant at the"
        " end of the cord was tied off and removed. A left scrotal incision was then made, the"
        " normal left testis delivered and sutured to the dartos in a subdartos pouch.\n"
    )
    claim = [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]
    assert ("54520", ["RT"]) in claim and ("54620", ["LT"]) in claim
    assert "54640" not in [c for c, _ in claim]


def test_an_orchiopexy_beside_an_orchiectomy_stays_an_orchiopexy() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Bilateral undescended testes.\n"
        "PROCEDURES: Right orchiectomy; left orchiopexy.\n"
        "DESCRIPTION: A 6-year-old boy. The atrophic right testis in the canal was removed."
        " Through a left groin incision the left testis was freed and brought down into a"
        " dartos pouch.\n"
    )
    codes = [p["code"] for p in code_cpt(note)["procedures"]]
    assert "54640" in codes and "54620" not in codes


def _sides(text: str) -> list[str]:
    return [s.side for s in sides(analyze(text))]


def test_and_left_after_a_right_service_is_a_side() -> None:
    assert _sides("Right orchiectomy and left testis fixation.") == ["right", "left"]


def test_and_left_as_a_verb_is_no_side() -> None:
    assert _sides("The right drain was placed and left in place.") == ["right"]
    assert _sides("The right wound was packed and left open.") == ["right"]
    assert _sides("The catheter was placed and left to drainage.") == []
