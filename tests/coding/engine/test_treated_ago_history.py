"""A treatment told as given some time ago ("was treated several months ago with removal of the
hardware") or named as what a past condition came with ("history of an infection associated
with a vertebroplasty") is history: it is not coded as a service of the operation."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_OPERATION = (
    "PROCEDURE: Posterolateral fusion L2-L3 with pedicle screw instrumentation.\n"
    "DESCRIPTION: {history} Pedicle screws were placed at L2 and L3, the transverse processes "
    "were decorticated and local bone graft was laid on both sides. Rods were locked.\n"
)


def test_treatment_told_months_ago_is_not_a_service_now() -> None:
    note = _OPERATION.format(
        history="She has a spinal infection that was treated two years ago with a "
        "kyphoplasty at L1, and now has instability below it."
    )
    got = codes(note)
    assert "22612" in got
    assert not {"22513", "22514", "22515", "22510", "22511", "22512"} & set(got)


def test_history_of_a_condition_associated_with_a_procedure_keeps_it_past() -> None:
    note = _OPERATION.format(
        history="He has a history of chronic lumbar vertebral osteomyelitis associated with the "
        "percutaneous vertebroplasty done at L1."
    )
    got = codes(note)
    assert "22612" in got
    assert not {"22510", "22511", "22512", "22513", "22514", "22515"} & set(got)
