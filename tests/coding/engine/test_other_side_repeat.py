"""A paired-organ operation whose narrative repeats it on the second side ("by a similar
procedure, the opposite tympanostomy was done", "the identical procedure was performed on the
contralateral side") is bilateral even when the procedure list names no side."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_TUBES = """PREOPERATIVE DIAGNOSIS: Chronic serous otitis media.
PROCEDURE PERFORMED: Myringotomy and tube placement.
ANESTHESIA: General by mask.
DESCRIPTION: The right ear canal was cleaned under the microscope. A radial myringotomy was
made, thick fluid was suctioned and a ventilation tube was placed. {second}
The patient tolerated the procedure well.
"""


def _lines(second: str) -> list[tuple[str, list[str]]]:
    out = code_cpt(_TUBES.format(second=second), patient={"age": 3})["procedures"]
    return [(p["code"], p["modifiers"]) for p in out]


def test_the_opposite_ear_done_the_same_way_is_bilateral() -> None:
    assert _lines("By a similar procedure, the opposite tube was placed.") == [("69436", ["50"])]


def test_the_same_procedure_on_the_contralateral_side_is_bilateral() -> None:
    second = "The identical procedure was then performed on the contralateral side."
    assert _lines(second) == [("69436", ["50"])]


def test_an_operation_on_one_ear_is_not_made_bilateral() -> None:
    # "the other" without a second side repeated ("the other findings") says nothing
    second = "The other findings were a thickened drum; a cotton ball was placed in the canal."
    assert "50" not in _lines(second)[0][1]


_VAS = """PREOPERATIVE DIAGNOSIS: Prior vasectomy, desires fertility.
PROCEDURE: Vasovasostomy.
DESCRIPTION: A 38-year-old man under general anesthesia. Through a small upper scrotal incision
the scar was trimmed back to healthy tissue and the two ends of the vas joined with interrupted
9-0 nylon under the microscope. The incision was closed. {second}
"""


def _vas(second: str) -> list[tuple[str, list[str]]]:
    out = code_cpt(_VAS.format(second=second))["procedures"]
    return [(p["code"], p["modifiers"]) for p in out]


def test_the_same_procedure_on_the_named_second_side_is_bilateral() -> None:
    assert _vas("An identical procedure was then carried out on the left side.") == [
        ("55400", ["50"])
    ]


def test_a_named_repeat_does_not_override_a_listed_side() -> None:
    # the list gives each service its own side: a repeat of one part is not the whole list
    note = (
        "PROCEDURE: Right groin exploration, left inguinal hernia repair.\n"
        "DESCRIPTION: A 12-year-old boy. Through a right groin incision the cord was explored"
        " and no sac was found. A similar procedure was done on the left, where a sac was"
        " found, freed, twisted and ligated at the internal ring.\n"
    )
    lines = [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]
    assert ("49505", ["LT"]) in lines
