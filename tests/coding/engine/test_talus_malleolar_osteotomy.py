"""A medial malleolus cut to reach a talar fracture is the approach of the talar operation,
not a malleolar fracture treated (27766)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_malleolar_osteotomy_for_talar_exposure_is_not_a_malleolar_fracture() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Displaced right talar neck fracture.\n"
        "PROCEDURE: Open reduction and internal fixation of the right talus through a medial "
        "malleolar osteotomy.\n"
        "DESCRIPTION: The medial malleolus was predrilled and an osteotomy of the medial "
        "malleolus was made and reflected. The talar fracture was reduced and fixed with two "
        "screws. The malleolus was replaced and fixed with two screws."
    )
    codes = _codes(note)
    assert "28445" in codes
    assert "27766" not in codes


def test_medial_malleolus_fracture_is_still_coded() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Displaced left medial malleolus fracture.\n"
        "PROCEDURE: Open reduction and internal fixation of the left medial malleolus fracture.\n"
        "DESCRIPTION: The fracture was exposed, cleaned of hematoma, reduced and fixed with two "
        "partially threaded cancellous screws."
    )
    assert _codes(note) == ["27766"]
