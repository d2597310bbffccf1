"""The compartments of the foot opened for a compartment syndrome are a fasciotomy of the foot
(28008), beside the leg fasciotomy of the same operation; a plantar fascia release keeps
28008 too, and a leg fasciotomy alone adds no foot code. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


_LEG = (
    "POSTOPERATIVE DIAGNOSIS: Compartment syndrome of the right leg and foot after a crush "
    "injury.\n"
    "PROCEDURE: Four-compartment fasciotomy of the right leg and fasciotomy of the right foot.\n"
    "DESCRIPTION: Through medial and anterolateral incisions all four compartments of the leg "
    "were released; the muscle was viable. {foot}The wounds were covered with a wound vacuum "
    "dressing.\n"
)


def test_foot_compartments_released_add_28008() -> None:
    note = _LEG.format(
        foot="Through a medial incision of the foot the medial and central compartments of the "
        "foot were released. "
    )
    found = _lines(note)
    assert found.get("27602") == ["RT"]
    assert found.get("28008") == ["RT"]


def test_a_leg_fasciotomy_alone_has_no_foot_code() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Compartment syndrome of the left leg.\n"
        "PROCEDURE: Four-compartment fasciotomy of the left leg.\n"
        "DESCRIPTION: Through medial and anterolateral incisions all four compartments were "
        "released. The foot was warm with good capillary refill.\n"
    )
    assert "28008" not in _lines(note)
