"""Endoscopic subureteric injection for reflux (52327) is done per ureteral orifice: one side
takes RT/LT, both sides one line with modifier 50 (CMS bilateral indicator 1)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_both_orifices_injected_is_bilateral() -> None:
    lines = _lines(
        "PREOPERATIVE DIAGNOSIS: Bilateral vesicoureteral reflux, grade III.\n"
        "PROCEDURE: Cystoscopy with bilateral subureteric Deflux injection.\n"
        "DESCRIPTION: A 5-year-old girl. Under general anesthesia the cystoscope was passed;"
        " dextranomer gel was injected beneath each ureteral orifice until it coapted.\n"
    )
    assert lines == [("52327", ["50"])]


def test_one_orifice_takes_its_side() -> None:
    lines = _lines(
        "PREOPERATIVE DIAGNOSIS: Left vesicoureteral reflux.\n"
        "PROCEDURE: Cystoscopy and left Deflux injection.\n"
        "DESCRIPTION: A 3-year-old boy. The left ureteral orifice was injected with 1 mL of"
        " Deflux by the hydrodistention technique.\n"
    )
    assert lines == [("52327", ["LT"])]
