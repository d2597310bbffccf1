"""A lumbar laminotomy that frees the nerve roots by foraminotomy or medial facetectomy is 63030
(+63035 per further interspace) with or without a disc removed, and beside a posterolateral
fusion it is reported too; an interbody fusion includes it. The transpedicular or far-lateral
code 63056 is for a disc reached that way, not a foraminotomy called a transpedicular
decompression."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str], int]]:
    return [(p["code"], p["modifiers"], p["units"]) for p in code_cpt(note)["procedures"]]


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


FUSION_WITH_LAMINOTOMIES = (
    "POSTOPERATIVE DIAGNOSIS: Left L4 and L5 radiculopathy from foraminal stenosis and "
    "spondylolisthesis.\n"
    "OPERATION PERFORMED:\n"
    "1. Left L4-L5 and L5-S1 hemilaminotomies with medial facetectomies and foraminotomies.\n"
    "2. L4-S1 posterolateral fusion with local autograft.\n"
    "3. L4 to S1 pedicle screw instrumentation.\n"
    "DESCRIPTION: The lamina and medial facets were removed with a drill and Kerrison "
    "rongeurs and the L4 and L5 roots were decompressed out through their foramina. The "
    "transverse processes were decorticated and the local bone placed posterolaterally. "
    "Pedicle screws were placed at L4, L5 and S1 and rods secured."
)


def test_laminotomies_beside_a_posterolateral_fusion_are_coded() -> None:
    lines = _lines(FUSION_WITH_LAMINOTOMIES)
    codes = [c for c, _, _ in lines]
    assert codes[0] == "22612"
    assert ("63030", ["LT"], 1) in lines
    assert ("63035", ["LT"], 1) in lines
    assert {"22614", "22842", "20936"} <= set(codes)


def test_foraminotomy_laminotomy_without_fusion_or_disc() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right L5 radiculopathy, lateral recess stenosis L4-L5.\n"
        "PROCEDURE PERFORMED: Right L4-L5 laminotomy and foraminotomy.\n"
        "DESCRIPTION: A laminotomy was made and the medial facet undercut; the L5 root was "
        "decompressed in the lateral recess and foramen. The disc was not entered."
    )
    assert _lines(note) == [("63030", ["RT"], 1)]


def test_interbody_fusion_includes_the_laminotomy() -> None:
    note = (
        "PROCEDURE PERFORMED: L4-L5 laminotomy and foraminotomy with transforaminal lumbar "
        "interbody fusion and pedicle screw fixation.\n"
        "DESCRIPTION: After the laminotomy and facetectomy the disc space was prepared and a "
        "PEEK cage placed; screws and rods were placed at L4 and L5 and a posterolateral "
        "fusion added."
    )
    codes = _codes(note)
    assert "63030" not in codes
    assert "63035" not in codes


def test_thoracic_osteotomy_laminotomy_is_not_a_lumbar_laminotomy() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Adolescent scoliosis.\n"
        "PROCEDURES: Posterior spinal fusion T4-L1 with instrumentation; posterior "
        "osteotomies T7-T8 and T8-T9.\n"
        "DESCRIPTION: Lumbar screws were placed at L1. At T7-T8 a laminotomy was made and a "
        "foraminotomy freed the foramen on both sides to allow the osteotomy to close."
    )
    assert "63030" not in _codes(note)


def test_transpedicular_foraminotomy_is_not_63056() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right L5 radiculopathy from foraminal stenosis.\n"
        "OPERATION PERFORMED: Right L5 transpedicular decompression of the L5 nerve root; "
        "right L5-S1 laminotomy and foraminotomy.\n"
        "DESCRIPTION: A laminotomy was made and a transpedicular approach used with a "
        "foraminotomy to free the L5 root."
    )
    codes = _codes(note)
    assert "63056" not in codes
    assert "63030" in codes


def test_far_lateral_disc_herniation_stays_63056() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Far lateral disc herniation left L4-L5.\n"
        "PROCEDURE PERFORMED: Left far lateral discectomy L4-L5.\n"
        "DESCRIPTION: Through a paramedian approach the extruded fragment lateral to the "
        "foramen was removed and the L4 root freed."
    )
    assert _lines(note) == [("63056", ["LT"], 1)]
