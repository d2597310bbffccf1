"""Operating microscope and cranial navigation add-ons: billed with the cranial codes that list
them as primaries, never with a spine operation that includes the microscope."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> set[str]:
    return {p["code"] for p in code_cpt(note)["procedures"]}


def test_microscope_and_navigation_with_a_craniotomy_for_tumor() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Left parietal brain tumor.\n"
        "PROCEDURE: Left parietal craniotomy for resection of brain tumor.\n"
        "DESCRIPTION: The head was fixed in pins and registered to the StealthStation; frameless "
        "navigation marked the tumor margins. A bone flap was raised and the dura opened. The "
        "operating microscope was brought into the field and the tumor was removed under "
        "microscopic magnification. The dura was closed and the flap replaced.\n"
    )
    codes = _codes(note)
    assert {"61510", "61781", "69990"} <= codes


def test_no_microscope_add_on_with_a_lumbar_microdiscectomy() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Herniated disc L4-L5 on the left.\n"
        "PROCEDURE: Left L4-L5 hemilaminotomy and microdiscectomy.\n"
        "DESCRIPTION: Through a midline incision the left L4-L5 interspace was exposed. The "
        "operating microscope was brought into the field. A hemilaminotomy was done, the nerve "
        "root retracted and the extruded disc fragment removed.\n"
    )
    codes = _codes(note)
    assert "63030" in codes
    assert "69990" not in codes
