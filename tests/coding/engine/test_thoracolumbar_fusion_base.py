"""A posterior fusion carried across the thoracolumbar junction: its first (most cephalad)
interspace is thoracic, so the base code is 22610 and each further interspace, lumbar ones
included, is 22614 - not the lumbar base code 22612. A fusion of lumbar interspaces only
stays 22612, one of thoracic interspaces only 22610."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> dict[str, int]:
    return {p["code"]: p["units"] for p in code_cpt(note)["procedures"]}


def test_fusion_from_t11_to_l1_is_thoracic_base_with_one_additional_interspace() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Unstable burst fracture of T12.\n"
        "PROCEDURE: Posterolateral fusion from T11 to L1 with pedicle screws at T11 and L1.\n"
        "DESCRIPTION: Through a midline incision screws were placed in the T11 and L1 pedicles "
        "under fluoroscopy. The transverse processes were decorticated and local bone was laid "
        "in the gutters. Rods were locked.\n"
    )
    got = lines(note)
    assert got.get("22610") == 1
    assert got.get("22614") == 1
    assert "22612" not in got


def test_lumbar_only_posterolateral_fusion_stays_22612() -> None:
    note = (
        "PROCEDURE: Posterolateral fusion L3-L4 and L4-L5 with pedicle screws.\n"
        "DESCRIPTION: Screws were placed at L3, L4 and L5, the transverse processes were "
        "decorticated and local bone was laid in the gutters. Rods were locked.\n"
    )
    got = lines(note)
    assert got.get("22612") == 1
    assert got.get("22614") == 1
    assert "22610" not in got


def test_thoracic_only_posterior_fusion_stays_22610() -> None:
    note = (
        "PROCEDURE: Posterior spinal fusion T8 to T10 with pedicle screws.\n"
        "DESCRIPTION: Screws were placed at T8, T9 and T10, the laminae were decorticated and "
        "local bone was laid down. Rods were locked.\n"
    )
    got = lines(note)
    assert got.get("22610") == 1
    assert "22612" not in got
