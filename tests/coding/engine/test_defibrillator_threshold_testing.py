"""Defibrillation threshold testing at a defibrillator's implant or generator replacement.

Inducing the arrhythmia and letting the new device shock it (93641) is reported beside the
insertion; it needs a defibrillator placed or replaced in the note and is not told by a
pacemaker's pacing thresholds.
"""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_threshold_testing_at_implant() -> None:
    note = (
        "PROCEDURES: 1. Implantation of a dual chamber defibrillator. 2. Defibrillation threshold"
        " testing.\nDESCRIPTION: Leads were placed in the right atrium and right ventricle."
        " Ventricular fibrillation was induced twice and terminated by a 20 joule shock.\n"
    )
    assert codes(note) == ["33249", "93641"]


def test_threshold_testing_at_generator_replacement() -> None:
    note = (
        "PROCEDURE: Defibrillator generator change for elective replacement indicator."
        " DFT testing was performed with a successful 17 J shock.\n"
    )
    assert "93641" in codes(note)


def test_not_done_or_not_a_defibrillator() -> None:
    note = (
        "PROCEDURES: Implantation of a dual chamber defibrillator.\nDESCRIPTION: Leads were placed"
        " in the right atrium and right ventricle. Defibrillation threshold testing was not"
        " performed.\n"
    )
    assert codes(note) == ["33249"]
    note = (
        "PROCEDURE: Dual chamber pacemaker implantation. Leads were placed."
        " Pacing thresholds were adequate.\n"
    )
    assert "93641" not in codes(note)
