"""A vasectomy reversal cuts out the scarred segment of the earlier vasectomy to reach healthy
ends: that excision is part of the vasovasostomy (55400), not a new vasectomy (55250)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def test_the_scarred_segment_cut_out_in_a_reversal_is_no_vasectomy() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Prior vasectomy, desires fertility.\n"
        "PROCEDURE: Right vasovasostomy.\n"
        "DESCRIPTION: A 44-year-old man under general anesthesia. Through a small upper right"
        " scrotal incision the scarred segment of the vas was excised and the two ends joined"
        " with interrupted 9-0 nylon under the microscope. The incision was closed.\n"
    )
    lines = [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]
    assert lines == [("55400", ["RT"])]


def test_a_vasectomy_for_sterilization_is_still_coded() -> None:
    note = (
        "PROCEDURE: Bilateral vasectomy.\n"
        "DESCRIPTION: A 36-year-old man who wants no more children. Each vas was delivered"
        " through a small scrotal puncture, a segment of the vas was excised and the ends"
        " cauterized and tied.\n"
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["55250"]
