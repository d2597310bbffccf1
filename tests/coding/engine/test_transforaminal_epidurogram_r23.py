"""Contrast alone injected through transforaminal needles to map the epidural space and the
roots (a transforaminal epidurogram) is coded as the transforaminal injection 64483 (+64484 for
each further level), its imaging included; a level the needle could not reach ("attempted L5")
is no level of the service. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str], int]]:
    return [(p["code"], p["modifiers"], p["units"]) for p in code_cpt(note)["procedures"]]


_NOTE = (
    "PREOPERATIVE DIAGNOSIS: Left leg radiculopathy after lumbar laminectomy.\n"
    "OPERATION PERFORMED: Left {levels} transforaminal epidurogram.\n"
    "ANESTHESIA: Local with IV sedation.\n"
    "DESCRIPTION: Prone on the fluoroscopy table, the back was prepped and draped. Under oblique"
    " fluoroscopy spinal needles were advanced into the neural foramina. After negative"
    " aspiration 2 mL of Omnipaque contrast was injected through each needle, outlining the"
    " epidural space and the nerve roots.\n"
)


def test_epidurogram_through_two_foramina() -> None:
    assert _lines(_NOTE.format(levels="L5 and S1")) == [
        ("64483", ["LT"], 1),
        ("64484", ["LT"], 1),
    ]


def test_attempted_level_is_not_counted() -> None:
    # trap: the middle level could not be reached
    assert _lines(_NOTE.format(levels="L3, attempted L4, and L5")) == [
        ("64483", ["LT"], 1),
        ("64484", ["LT"], 1),
    ]
    assert _lines(_NOTE.format(levels="L3, L4, and L5")) == [
        ("64483", ["LT"], 1),
        ("64484", ["LT"], 2),
    ]


def test_needle_placed_with_nothing_injected_is_not_an_injection() -> None:
    # trap: no contrast, drug or epidurogram told
    note = (
        "PROCEDURE: Left L5 transforaminal needle placement.\n"
        "DESCRIPTION: Under fluoroscopy a spinal needle was advanced toward the L5 neural"
        " foramen. The patient moved and the procedure was stopped.\n"
    )
    assert "64483" not in [c for c, _, _ in _lines(note)]
