"""A fracture pulled out to length and aligned by a spanning external fixator's traction is
reduced closed: the closed treatment with manipulation (pilon 27825, tibial plateau 27532,
tibial shaft 27752) beside the fixator (20690). A fixator with no reduction told, or one put
on beside an open repair, adds no closed treatment; the open repair a staged plan leaves for
later is not done today."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


STAGED = (
    "POSTOPERATIVE DIAGNOSIS: Right {site} fracture, comminuted.\n"
    "PROCEDURE: Spanning external fixation of right {site} fracture.\n"
    "INDICATIONS: Because of soft tissue swelling she needs a staged surgery with the first "
    "stage external fixation followed by open reduction and plate fixation in two weeks.\n"
    "DESCRIPTION: Two Schantz pins were placed in the tibia and a transcalcaneal pin was "
    "placed. The frame was assembled and {story} The clamps were tightened and fluoroscopy "
    "confirmed the position.\n"
)


def test_pilon_pulled_out_to_length_by_the_frame() -> None:
    note = STAGED.format(
        site="pilon",
        story="traction was applied until the fracture fragments were out to length and "
        "the alignment was restored.",
    )
    got = codes(note)
    assert "20690" in got and "27825" in got
    assert not {"27826", "27827", "27828"} & set(got)


def test_frame_without_a_reduction_is_the_fixator_alone() -> None:
    note = STAGED.format(site="pilon", story="it was locked in its neutral position.")
    got = codes(note)
    assert "20690" in got and "27825" not in got


def test_fixator_beside_an_open_repair_adds_no_closed_treatment() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Left pilon fracture.\n"
        "PROCEDURE: Open reduction and internal fixation of left pilon fracture with "
        "external fixator.\n"
        "DESCRIPTION: Traction through the fixator brought the fragments out to length. The "
        "articular surface was then opened, reduced and fixed with a locking plate and "
        "screws.\n"
    )
    assert "27825" not in codes(note)
