"""Debridement for a necrotizing soft-tissue infection of the abdominal wall and the perineum
is 11006; dictation often turns "perineal area" into "peritoneal area", which names no cavity
here. A laparotomy's peritoneum is no perineum."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def _note(site: str) -> str:
    return (
        f"PREOPERATIVE DIAGNOSIS: Necrotizing infection of the right lower abdomen and {site}.\n"
        f"PROCEDURE PERFORMED: Debridement of necrotic tissue of the right lower abdomen and "
        f"{site}.\n"
        "DESCRIPTION: In lithotomy position an elliptical incision was made around the black "
        "skin of the lower abdomen and the necrotic tissue was excised down to the fascia. A "
        "second wound was opened down to muscle, pus was drained and the necrotic tissue was "
        "debrided. Both wounds were packed open."
    )


def test_peritoneal_area_of_a_skin_infection_is_the_perineum() -> None:
    assert _codes(_note("right peritoneal area")) == ["11006"]


def test_perineum_spelled_right_is_the_same() -> None:
    assert _codes(_note("perineum")) == ["11006"]


def test_abdominal_wall_alone_is_11005() -> None:
    assert _codes(_note("right flank")) == ["11005"]
