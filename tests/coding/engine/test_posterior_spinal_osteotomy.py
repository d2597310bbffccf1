"""A posterior spinal osteotomy done for deformity beside a fusion (Smith-Petersen, Ponte,
posterior column) is coded on its own: one segment by the region of the levels told (22210
cervical, 22212 thoracic, 22214 lumbar) and 22216 for each further interspace; a pedicle
subtraction osteotomy is the three-column code (22206/22207). A facet osteotomy that opens a
transforaminal interbody fusion is that fusion's approach, and a note with no fusion codes no
osteotomy. Marrow aspirated from the iliac crest for the graft is 20939."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, int]:
    return {p["code"]: p["units"] for p in code_cpt(note)["procedures"]}


def test_thoracic_ponte_osteotomies_beside_a_deformity_fusion() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Scheuermann kyphosis.
PROCEDURES PERFORMED:
1. Posterior spinal fusion T4 to T12.
2. Posterior segmental instrumentation T4 to T12.
3. Ponte osteotomies at T6-T7, T7-T8 and T8-T9.
DESCRIPTION: The spine was exposed subperiosteally from T4 to T12 and pedicle screws were
placed bilaterally. The spinous processes, ligamentum flavum and both facets were removed at
the three apical levels for the osteotomies. Rods were placed and the osteotomies were closed
by compression. The posterior elements were decorticated and local autograft was laid down.
Marrow was aspirated from the posterior iliac crest through a separate stab incision and mixed
with the graft. The wound was closed in layers.
"""
    lines = _lines(note)
    assert lines.get("22212") == 1
    assert lines.get("22216") == 2
    assert "22214" not in lines
    assert "20939" in lines
    assert {"22802", "22843"} <= set(lines)


def test_one_lumbar_smith_petersen_osteotomy() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Flatback deformity.
PROCEDURES PERFORMED:
1. Posterior spinal fusion L2 to S1 with pedicle screw instrumentation.
2. Smith-Petersen osteotomy at L3-L4.
DESCRIPTION: The lumbar spine was exposed and pedicle screws were placed from L2 to S1. A
Smith-Petersen osteotomy was performed at L3-L4 and closed with compression across the rods.
Bone graft was placed over the decorticated transverse processes.
"""
    lines = _lines(note)
    assert lines.get("22214") == 1
    assert "22216" not in lines and "22212" not in lines


def test_pedicle_subtraction_is_the_three_column_code() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Fixed sagittal imbalance.
PROCEDURES PERFORMED:
1. Posterior spinal fusion T10 to the pelvis.
2. Pedicle subtraction osteotomy of L3.
DESCRIPTION: Pedicle screws were placed from T10 to S1 with iliac screws. A pedicle
subtraction osteotomy was performed at L3, the wedge of vertebral body removed and closed.
"""
    lines = _lines(note)
    assert "22207" in lines
    assert not {"22212", "22214", "22216"} & set(lines)


def test_a_facet_osteotomy_of_a_tlif_is_no_deformity_osteotomy() -> None:
    note = """PROCEDURES PERFORMED: Transforaminal lumbar interbody fusion L4-L5 with posterolateral
fusion and pedicle screw instrumentation.
DESCRIPTION: Pedicle screws were placed at L4 and L5. A facet osteotomy at L4-L5 on the left
opened the foramen, the disc was removed and a cage was placed. Graft was laid over the
transverse processes.
"""
    assert not {"22210", "22212", "22214", "22216"} & set(_lines(note))


def test_no_osteotomy_code_without_a_fusion() -> None:
    note = """PROCEDURE PERFORMED: Lumbar laminectomy L4-L5.
DESCRIPTION: The lamina of L4 was removed with an osteotome and Kerrison rongeurs and the
thecal sac decompressed. No fusion was performed.
"""
    assert not {"22210", "22212", "22214", "22216"} & set(_lines(note))
