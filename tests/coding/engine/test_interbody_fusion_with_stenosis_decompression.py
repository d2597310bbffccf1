"""A posterior lumbar interbody fusion done with a decompression of the stenosis that brought the
patient (laminectomy, hemilaminectomy, facetectomy) reports the decompression too: 63052 for its
first segment and 63053 for each further one (add-ons since 2022). Not when no stenosis is told
(the bone work only opened the disc space) nor for a decompression listed on its own.

Grafting told as an "onlay" or "dorsolateral" fusion is the posterolateral arthrodesis, so with
an interbody fusion at the same interspaces the combined codes 22633/22634 apply. Levels are read
in the service's own clause of a sentence that chains several services (a fusion at two
interspaces "followed by" screws in four vertebrae), and "at both levels" is two."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> dict[str, int]:
    return {p["code"]: p["units"] for p in code_cpt(note)["procedures"]}


CHAINED = (
    "PREOPERATIVE DIAGNOSIS: Severe canal stenosis L3-4, L4-5; slipped L4 on L5.\n"
    "PROCEDURE: Two-level bilateral hemilaminectomy (L3-4, L4-5) to relieve the stenosis, "
    "with posterior lumbar interbody fusion, followed by pedicle screws in L2, L3, L4 "
    "and L5, and then onlay fusion using local autograft, L3-4 and L4-5.\n"
    "DESCRIPTION: Both stenotic interspaces were opened widely. A PEEK spacer full of local "
    "bone was tamped into each disc, at both levels. Rods were locked onto the screws and "
    "the leftover bone was spread dorsolaterally.\n"
)


def test_decompression_for_stenosis_with_plif_and_onlay_fusion() -> None:
    got = lines(CHAINED)
    assert got.get("22633") == 1
    assert got.get("22634") == 1
    assert "22630" not in got and "22632" not in got
    assert got.get("63052") == 1
    assert got.get("63053") == 1
    assert got.get("22853") == 2


def test_interbody_fusion_with_no_stenosis_told_has_no_63052() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Recurrent disc herniation and collapsed disc space at L5-S1.\n"
        "PROCEDURE: Laminectomy L5-S1, medial facetectomy and transforaminal lumbar interbody "
        "fusion L5-S1 with a PEEK cage.\n"
        "DESCRIPTION: The lamina was removed and a medial facetectomy made to reach the disc. "
        "The disc was removed, the endplates prepared and the cage impacted.\n"
    )
    got = lines(note)
    assert "22630" in got
    assert "63052" not in got and "63053" not in got


def test_decompression_listed_on_its_own_keeps_its_own_codes() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Lumbar stenosis L3-L4 and L4-L5; spondylolisthesis L4-L5.\n"
        "PROCEDURE PERFORMED:\n"
        "1. Bilateral decompressive laminectomies at L3-L4 and L4-L5.\n"
        "2. Transforaminal lumbar interbody fusion L4-L5 with a PEEK cage.\n"
        "DESCRIPTION: The laminae were removed and the canal decompressed. The L4-L5 disc was "
        "removed and the cage placed.\n"
    )
    assert "63052" not in lines(note)
