"""A shunt revision reaches the ventricle through the old burr hole: no separate burr hole for
a ventricular catheter (61210) beside the revision (62230)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_revision_through_the_old_burr_hole_is_only_the_revision() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Ventriculoperitoneal shunt malfunction.\n"
        "OPERATION: Revision of ventriculoperitoneal shunt with new valve.\n"
        "DESCRIPTION: The old frontal incision was reopened down to the burr hole and the "
        "obstructed proximal catheter withdrawn. A new ventricular catheter was passed through "
        "the burr hole into the frontal horn with good flow, and a new valve was connected to "
        "the patent distal catheter."
    )
    codes = _codes(note)
    assert "62230" in codes
    assert "61210" not in codes


def test_a_new_burr_hole_for_a_ventricular_catheter_alone_is_still_61210() -> None:
    note = (
        "PROCEDURE: Right frontal burr hole and placement of an external ventricular drain.\n"
        "DESCRIPTION: A burr hole was made at Kocher's point, the dura opened and a ventricular "
        "catheter passed into the frontal horn; it was tunneled and secured."
    )
    assert _codes(note)[0] == "61210"
