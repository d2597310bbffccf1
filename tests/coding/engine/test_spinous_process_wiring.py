"""Posterior spinal instrumentation is also done with wires: a Songer or spinous process wire
across one interspace of a posterior fusion is non-segmental instrumentation (22840). A fusion
with bone graft alone and no wire, rod or screw has no instrumentation line."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def note(fixation: str) -> str:
    return (
        "PREOPERATIVE DIAGNOSIS: Pseudarthrosis at C5-C6 after anterior fusion.\n"
        "OPERATIVE PROCEDURES:\n1. Posterior cervical fusion C5-C6.\n2. Right iliac bone graft.\n"
        "PROCEDURE IN DETAIL: Through a midline posterior incision the spinous processes and "
        "laminae of C5 and C6 were exposed and decorticated. Cancellous bone was taken from the "
        f"right posterior iliac crest through a separate incision. {fixation} The graft was laid "
        "over the laminae and facets of C5 and C6. The wounds were closed in layers.\n"
    )


def test_songer_wire_through_the_spinous_processes_is_22840() -> None:
    got = codes(
        note(
            "A Songer wire was passed through the base of the spinous processes of C5 and C6 "
            "and tightened over the graft."
        )
    )
    assert "22600" in got and "22840" in got


def test_fusion_with_graft_alone_has_no_instrumentation() -> None:
    got = codes(note("The facets were packed with bone."))
    assert "22600" in got
    assert "22840" not in got
