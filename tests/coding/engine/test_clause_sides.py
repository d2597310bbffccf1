"""A procedure list that names a side for each service in its own clause gives each service
its own side, even when another clause of the sentence says bilateral."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str, age: int) -> dict[str, list[str]]:
    out = code_cpt(note, patient={"sex": "male", "age": age})
    return {p["code"]: p["modifiers"] for p in out["procedures"]}


def test_each_clause_keeps_its_own_side() -> None:
    note = (
        "PROCEDURE: Right inguinal exploration, left inguinal hernia repair, bilateral "
        "hydrocele repair.\nDESCRIPTION: Through a left groin incision the indirect sac was "
        "ligated at the internal ring. The right groin was explored and no hernia was found."
    )
    assert _lines(note, 12).get("49505") == ["LT"]


def test_a_bilateral_service_stays_bilateral() -> None:
    note = (
        "PROCEDURE: Bilateral inguinal hernia repair.\nDESCRIPTION: Through a groin incision "
        "on each side the indirect sacs were ligated at the internal rings."
    )
    assert _lines(note, 12).get("49505") == ["50"]
    both = (
        "PROCEDURE: Right and left inguinal hernia repair, umbilical hernia repair.\n"
        "DESCRIPTION: Both indirect sacs were ligated at the internal rings."
    )
    assert _lines(both, 12).get("49505") == ["50"]


def test_a_side_right_before_the_service_names_it_beside_a_bilateral_one() -> None:
    note = (
        "EXAM: Bilateral diagnostic mammogram and left breast ultrasound.\n"
        "HISTORY: A 50-year-old woman with a palpable lump in the left breast.\n"
        "FINDINGS: Both breasts are scattered fibroglandular density with no mass. Targeted"
        " ultrasound of the left breast at 2 o'clock shows no cyst or solid mass.\n"
        "IMPRESSION: Benign, BI-RADS 2.\n"
    )
    out = code_cpt(note, patient={"sex": "female", "age": 50})
    lines = {p["code"]: p["modifiers"] for p in out["procedures"]}
    assert lines.get("77066") == [] and lines.get("76642") == ["LT"]
