"""A lumbar interbody fusion with an "onlay" or "dorsolateral" graft laid over the same
interspaces is the combined interbody and posterolateral fusion (22633/22634), not the
interbody-only code; and a long procedure line that chains several services with "followed
by" counts each service's interspaces in its own clause, not every level the line names."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> dict[str, int]:
    return {p["code"]: p["units"] for p in code_cpt(note)["procedures"]}


CHAINED = (
    "PREOPERATIVE DIAGNOSIS: Broken rod of an old T10 to L1 construct; stenosis at L3-4 "
    "and L4-5.\n"
    "PROCEDURE: Removal of the broken rods from T10 through L1 followed by decompression at "
    "L3-4 and L4-5 with transforaminal lumbar interbody fusion at L3-4 and L4-5 followed by "
    "pedicle screws at L2, L3, L4 and L5 and a rod from T10 through L5 and then onlay fusion "
    "with local autograft from L2 to L5.\n"
    "DESCRIPTION: The old rods were removed. The L3-4 and L4-5 disc spaces were cleared and "
    "spacers packed with local bone were placed. Screws were placed and new rods locked. The "
    "transverse processes were decorticated and local bone laid over them.\n"
)


def test_onlay_graft_with_interbody_fusion_is_the_combined_code() -> None:
    got = lines(CHAINED)
    assert "22633" in got
    assert "22630" not in got
    assert "22632" not in got


def test_chained_line_counts_the_interbody_clause_only() -> None:
    # two interbody interspaces (L3-4, L4-5): one additional one, not the six the line names
    got = lines(CHAINED)
    assert got.get("22634") == 1


def test_interbody_fusion_alone_stays_interbody_only() -> None:
    note = (
        "PROCEDURE: Decompression at L4-5 followed by transforaminal lumbar interbody fusion "
        "at L4-5 and L5-S1.\n"
        "DESCRIPTION: The disc spaces were cleared and spacers packed with local bone were "
        "placed at both levels. Pedicle screws were placed and rods locked.\n"
    )
    got = lines(note)
    assert "22630" in got
    assert got.get("22632") == 1
    assert "22633" not in got


def test_onlay_graft_of_a_skin_flap_is_no_spine_fusion() -> None:
    note = (
        "PROCEDURE: Onlay graft of acellular dermis to the abdominal wall hernia defect.\n"
        "DESCRIPTION: The fascia was closed and the graft laid over it and sutured.\n"
    )
    got = lines(note)
    assert not {"22612", "22633", "22630"} & set(got)
