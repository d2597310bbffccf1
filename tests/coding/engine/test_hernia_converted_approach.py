"""An inguinal hernia repair whose laparoscopic approach was abandoned or converted is the open
repair: the words of the attempt ("a trocar for the laparoscopy") do not make it laparoscopic."""

from __future__ import annotations

import pytest

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_NOTE = (
    "PREOPERATIVE DIAGNOSIS: Right inguinal hernia in a {age}-year-old.\n"
    "PROCEDURE: Right inguinal hernia repair.\n"
    "DESCRIPTION: Through a groin crease incision the sac was found. A trocar could not be "
    "passed safely through the thin sac for the laparoscopy, {told}. The sac was ligated high and "
    "the wound closed in layers.\n"
)


@pytest.mark.parametrize(
    "told",
    [
        "so I aborted the laparoscopic approach",
        "and the laparoscopic procedure was abandoned",
        "so we converted to an open repair",
    ],
)
def test_an_abandoned_laparoscopic_approach_is_the_open_repair(told: str) -> None:
    assert codes(_NOTE.format(age=3, told=told)) == ["49500"]
    assert codes(_NOTE.format(age=12, told=told)) == ["49505"]


def test_a_completed_laparoscopic_repair_stays_laparoscopic() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right inguinal hernia.\n"
        "PROCEDURE: Laparoscopic right inguinal hernia repair with mesh (TEP).\n"
        "DESCRIPTION: Three trocars were placed and the preperitoneal space developed; mesh was "
        "placed over the myopectineal orifice.\n"
    )
    assert codes(note) == ["49650"]
