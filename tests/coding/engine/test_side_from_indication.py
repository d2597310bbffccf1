"""A limb or eye operation whose list, diagnoses and story name no side takes the side the
operative note's indication names, when it names one only."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_BODY = (
    "PREOPERATIVE DIAGNOSIS: Patellar maltracking.\n"
    "POSTOPERATIVE DIAGNOSIS: Same.\n"
    "PROCEDURE PERFORMED: Tibial tubercle transfer with screw fixation.\n"
    "ANESTHESIA: General.\n"
    "{history}"
    "DESCRIPTION: The limb was prepped and draped. An incision was made over the tubercle. "
    "An osteotome was used to cut the tibial tubercle, which was shifted anteriorly and "
    "medially and fixed with two cannulated screws. The wound was closed in layers.\n"
)


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_the_indication_names_the_side_when_nothing_else_does() -> None:
    history = "HISTORY: A 30-year-old woman with years of right knee pain despite therapy.\n"
    assert _lines(_BODY.format(history=history)) == [("27418", ["RT"])]


def test_an_indication_naming_both_sides_gives_none() -> None:
    history = "HISTORY: Her left knee was realigned two years ago; now the right knee is painful.\n"
    assert _lines(_BODY.format(history=history)) == [("27418", [])]


def test_a_side_in_the_list_outranks_the_indication() -> None:
    history = "HISTORY: Pain in the right knee for years.\n"
    note = _BODY.format(history=history).replace(
        "Tibial tubercle transfer", "Left tibial tubercle transfer"
    )
    assert _lines(note) == [("27418", ["LT"])]
