"""A therapeutic colonoscopy that stops short of the cecum is reported with modifier 52 (CPT:
a diagnostic colonoscopy discontinued before the cecum takes 53, a therapeutic one 52); a
terminal ileum left unentered after the cecum was reached is a complete colonoscopy."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_biopsies_in_a_colonoscopy_stopped_at_the_transverse_colon_take_52() -> None:
    note = (
        "PROCEDURE: Colonoscopy with biopsies.\n"
        "INDICATION: Chronic diarrhea.\n"
        "DESCRIPTION: The colonoscope was advanced to the mid transverse colon. A tight "
        "angulation could not be passed, and the procedure was terminated there. Random "
        "biopsies of the transverse and descending colon were taken with cold forceps.\n"
    )
    assert _lines(note) == [("45380", ["52"])]


def test_a_snare_polypectomy_short_of_the_cecum_takes_52() -> None:
    note = (
        "PROCEDURE: Colonoscopy with snare polypectomy.\n"
        "DESCRIPTION: We were unable to advance the colonoscope beyond the hepatic flexure "
        "because of a fixed loop. A 9 mm sigmoid polyp was removed with a hot snare.\n"
    )
    assert _lines(note) == [("45385", ["52"])]


def test_a_terminal_ileum_not_entered_after_the_cecum_is_no_reduced_service() -> None:
    note = (
        "PROCEDURE: Colonoscopy with biopsy.\n"
        "DESCRIPTION: The colonoscope was advanced to the cecum, identified by the "
        "appendiceal orifice. We were unable to intubate the terminal ileum. A small rectal "
        "polyp was removed with cold biopsy forceps.\n"
    )
    assert _lines(note) == [("45380", [])]
