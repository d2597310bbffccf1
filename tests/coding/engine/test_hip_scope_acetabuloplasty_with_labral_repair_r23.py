"""Hip arthroscopy for femoroacetabular impingement: the pincer rim trimmed (acetabuloplasty,
29915), the labrum repaired (29916) and the cam resected (29914) are three services that CPT
and NCCI let be reported together. A labral repair alone, with no rim bone taken, stays one
code; a labral debridement beside a repair is part of the repair (29862 not added)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_rim_trim_beside_labral_repair_keeps_both() -> None:
    note = (
        "PROCEDURE: Left hip arthroscopy with acetabular rim trimming and labral refixation.\n"
        "INDICATIONS: Pincer-type impingement with an anterosuperior labral tear.\n"
        "DESCRIPTION: Anterolateral and anterior portals were placed under fluoroscopy. The "
        "labrum was taken off the rim and the overhanging pincer lesion was resected with a "
        "burr. The labrum was then repaired to the new rim with two suture anchors.\n"
    )
    got = codes(note)
    assert "29915" in got and "29916" in got
    assert "29862" not in got


def test_all_three_fai_services_together() -> None:
    note = (
        "PROCEDURE: Right hip arthroscopy with acetabuloplasty, labral repair and femoroplasty.\n"
        "DESCRIPTION: Through standard portals the pincer rim was trimmed with a burr and the "
        "torn labrum was reattached with suture anchors. The cam lesion at the head neck "
        "junction was then resected until motion was free of impingement.\n"
    )
    got = codes(note)
    assert {"29914", "29915", "29916"} <= set(got)


def test_labral_repair_without_bone_work_is_one_code() -> None:
    note = (
        "PROCEDURE: Right hip arthroscopy with labral repair.\n"
        "DESCRIPTION: Through two portals the detached anterosuperior labrum was repaired with "
        "three suture anchors. No bony impingement was seen and no bone was removed.\n"
    )
    got = codes(note)
    assert "29916" in got
    assert "29915" not in got and "29914" not in got
