"""A foreign body retrieved from the spinal canal or the skull - a broken drain or catheter
fragment reached through a laminotomy and an opening of the dura - is a nervous system operation:
the soft tissue foreign body removals (10120/10121, incision and removal from subcutaneous
tissue) are not reported for it."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_catheter_fragment_removed_through_a_laminotomy_is_no_soft_tissue_removal() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Broken intrathecal drain catheter left in the lumbar canal.\n"
        "PROCEDURES: L2 laminotomy and retrieval of a foreign body (the retained catheter "
        "fragment) under fluoroscopy.\n"
        "DESCRIPTION: Prone position. Fluoroscopy marked the fragment. A midline incision was "
        "made, a small L2 laminotomy was drilled and the dura was opened under the microscope. "
        "The catheter fragment was found among the nerve roots and was removed with microforceps. "
        "The dura was closed watertight and the wound was closed in layers.\n"
    )
    got = codes(note)
    assert "10121" not in got and "10120" not in got


def test_a_subcutaneous_foreign_body_under_fluoroscopy_is_still_complicated_removal() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Retained sewing needle in the right thigh.\n"
        "PROCEDURE: Removal of foreign body from the right thigh under fluoroscopy.\n"
        "DESCRIPTION: Using C-arm localization an incision was made over the needle, which lay "
        "in the subcutaneous fat. The needle was grasped and removed intact and the wound was "
        "closed.\n"
    )
    assert codes(note)[:1] == ["10121"]
