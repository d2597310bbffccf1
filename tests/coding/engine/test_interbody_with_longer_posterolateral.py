"""A combined lumbar fusion whose posterolateral fusion reaches interspaces beyond its interbody
fusion: the interbody interspace is 22633 and each further posterolateral interspace 22614 (CPT
reports 22614 with 22633 for a different interspace). Two interbody interspaces are 22633 with
22634, and a posterolateral fusion over the interbody interspace alone adds nothing."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> dict[str, int]:
    return {p["code"]: p["units"] for p in code_cpt(note)["procedures"]}


def test_tlif_at_one_interspace_with_posterolateral_fusion_over_two_adds_22614() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Spondylolisthesis L4-L5 and foraminal stenosis L5-S1.\n"
        "PROCEDURES:\n"
        "1. Transforaminal lumbar interbody fusion L4-L5 with a PEEK cage.\n"
        "2. Posterolateral fusion L4-L5 and L5-S1.\n"
        "3. Pedicle screw instrumentation L4 to S1.\n"
        "DESCRIPTION: Pedicle screws were placed at L4, L5 and S1. The L4-L5 disc was removed "
        "through a facetectomy and a cage packed with local bone was impacted. The transverse "
        "processes were decorticated and local bone graft was laid from L4 to the sacral ala. "
        "Rods were locked.\n"
    )
    got = lines(note)
    assert got.get("22633") == 1
    assert got.get("22614") == 1
    assert "22634" not in got
    assert "22842" in got


def test_posterolateral_fusion_over_the_interbody_interspace_alone_adds_nothing() -> None:
    note = (
        "PROCEDURES:\n"
        "1. Transforaminal lumbar interbody fusion L4-L5 with a PEEK cage.\n"
        "2. Posterolateral fusion L4-L5.\n"
        "3. Pedicle screw instrumentation L4-L5.\n"
        "DESCRIPTION: Screws were placed at L4 and L5, the disc was removed and a cage was "
        "impacted, and local bone graft was laid over the decorticated transverse processes.\n"
    )
    got = lines(note)
    assert got.get("22633") == 1
    assert "22614" not in got


def test_two_interbody_interspaces_are_22634_without_22614() -> None:
    note = (
        "PROCEDURES:\n"
        "1. Transforaminal lumbar interbody fusion L4-L5 and L5-S1 with PEEK cages.\n"
        "2. Posterolateral fusion L4-L5 and L5-S1.\n"
        "3. Pedicle screw instrumentation L4 to S1.\n"
        "DESCRIPTION: Screws were placed at L4, L5 and S1, both discs were removed and cages "
        "were impacted, and local bone graft was laid over the decorticated transverse "
        "processes.\n"
    )
    got = lines(note)
    assert got.get("22633") == 1 and got.get("22634") == 1
    assert "22614" not in got
