"""Fusions and interbody devices listed one item per level are counted over their items:
"Anterior cervical spine fusion, C5-C6" and "... C6-C7" are two interspaces (22551 with 22552),
and a named cage system told in the plural with its levels ("Capstone spacers L4-L5 and L5-S1")
is one interbody device per interspace (22853 x 2)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> dict[str, int]:
    return {p["code"]: p["units"] for p in code_cpt(note)["procedures"]}


def test_anterior_cervical_spine_fusion_listed_per_level_counts_both_interspaces() -> None:
    note = (
        "PROCEDURES:\n"
        "1. Anterior cervical discectomy, C4-C5.\n"
        "2. Anterior cervical discectomy, C5-C6.\n"
        "3. Anterior cervical spine fusion, C4-C5.\n"
        "4. Anterior cervical spine fusion, C5-C6.\n"
        "5. Anterior cervical plate.\n"
        "DESCRIPTION: Through a right anterior cervical approach both discs were removed and "
        "structural allograft wedges were tapped into each interspace. A plate was fixed from "
        "C4 to C6.\n"
    )
    got = lines(note)
    assert got.get("22551") == 1
    assert got.get("22552") == 1


def test_named_spacers_in_the_plural_count_one_device_per_interspace() -> None:
    note = (
        "PROCEDURES:\n"
        "1. Transforaminal lumbar interbody fusion L4-L5 and L5-S1.\n"
        "2. Posterolateral fusion L4 to S1.\n"
        "3. Pedicle screw fixation L4 to S1.\n"
        "4. Insertion of Capstone spacers L4-L5 and L5-S1.\n"
        "DESCRIPTION: Screws were placed at L4, L5 and S1. Each disc was removed through a "
        "facetectomy and the spacer was impacted. Local bone was laid over the decorticated "
        "transverse processes and the rods were locked.\n"
    )
    got = lines(note)
    assert got.get("22853") == 2
