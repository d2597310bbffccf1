"""From age 5 the inguinal hernia repair (49505) does not include a hydrocele excised in the
same operation (55040/55041 are coded beside it); the repairs of younger children are 'with or
without hydrocelectomy' and include it, and a communicating hydrocele is the patent processus
the hernia repair closes - no hydrocelectomy."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(age: str, listed: str, body: str) -> list[str]:
    note = (
        f"PROCEDURE PERFORMED: {listed}\n"
        f"DESCRIPTION: The patient is a {age} boy. A right inguinal skin incision was made and"
        f" the external oblique aponeurosis opened. {body} The wound was closed in layers.\n"
    )
    return [p["code"] for p in code_cpt(note)["procedures"]]


_BOTH = (
    "The indirect hernia sac was dissected from the cord, twisted and high ligated. The"
    " hydrocele sac was then opened, drained and excised, and the testis returned to the"
    " scrotum."
)


def test_at_seven_the_hydrocelectomy_is_coded_beside_the_hernia_repair() -> None:
    codes = _codes("7-year-old", "Right inguinal hernia repair and right hydrocelectomy.", _BOTH)
    assert codes[:1] == ["49505"] and "55040" in codes


def test_at_three_the_hernia_repair_includes_the_hydrocele() -> None:
    codes = _codes("3-year-old", "Right inguinal hernia repair and right hydrocelectomy.", _BOTH)
    assert codes == ["49500"]


def test_a_communicating_hydrocele_is_the_hernia_repair_alone() -> None:
    codes = _codes(
        "6-year-old",
        "Repair of right communicating hydrocele.",
        "The patent processus vaginalis was separated from the cord and a high ligation was"
        " done at the internal ring; the distal sac was opened and drained.",
    )
    assert codes == ["49505"]


def test_a_hydrocele_told_as_not_communicating_is_still_excised() -> None:
    codes = _codes(
        "8-year-old",
        "Right inguinal hernia repair and excision of right non-communicating hydrocele.",
        _BOTH,
    )
    assert codes[:1] == ["49505"] and "55040" in codes


def test_a_sac_opened_through_an_incision_is_no_wound_infection_drainage() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Left hydrocele.\n"
        "PROCEDURE PERFORMED: Left hydrocelectomy.\n"
        "DESCRIPTION: A 40-year-old man. Through a scrotal incision the hydrocele sac was"
        " opened, drained and excised. The skin was closed.\n"
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["55040"]
