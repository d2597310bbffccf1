"""A sacral nerve lead put in through the skin (needle, wire, dilator, tined lead) is the
percutaneous code 64561 whether it is a test or a stage I lead; through an incision exposing the
sacrum it is 64581. The generator is 64590."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_percutaneous_stage_one_and_two() -> None:
    note = (
        "OPERATION: Stage I and II InterStim sacral neuromodulation.\n"
        "DETAILS: Under fluoroscopy a needle was placed in the right S3 foramen with a good"
        " bellows response. A wire was passed, the tract dilated and the tined lead placed."
        " The lead was tunneled to a pocket in the upper buttock where the generator was"
        " connected and placed.\n"
    )
    assert codes(note) == ["64561", "64590"]


def test_open_lead_placement() -> None:
    note = (
        "OPERATION: Open implantation of sacral neuromodulation lead, stage I.\n"
        "DETAILS: A midline incision over the sacrum was made and the lumbodorsal fascia was"
        " incised. The S3 foramen was exposed and the lead placed and anchored to the fascia.\n"
    )
    assert codes(note) == ["64581"]
