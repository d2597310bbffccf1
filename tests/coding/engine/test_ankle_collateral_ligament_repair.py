"""A torn collateral ligament of the ankle repaired primarily is 27695 (deltoid and lateral
both: 27696); a late reconstruction for chronic instability (Brostrom) is 27698."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_deltoid_repair_beside_a_talus_fixation() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Displaced right talar neck fracture.\n"
        "PROCEDURES: 1. Open reduction and internal fixation of the right talus. 2. Repair of "
        "the deltoid ligament.\n"
        "DESCRIPTION: The talar neck was reduced and fixed with two cannulated screws. The "
        "deltoid ligament was found torn from its tibial attachment and was repaired with "
        "suture anchors."
    )
    lines = _lines(note)
    assert ("28445", ["RT"]) in lines
    assert ("27695", ["RT"]) in lines


def test_brostrom_for_chronic_instability_is_27698() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Chronic lateral instability of the left ankle.\n"
        "PROCEDURE: Left modified Brostrom-Gould lateral ankle ligament reconstruction.\n"
        "DESCRIPTION: The attenuated anterior talofibular and calcaneofibular ligaments were "
        "divided, imbricated and advanced onto the fibula with two suture anchors, and the "
        "extensor retinaculum was sewn over the repair."
    )
    codes = [c for c, _ in _lines(note)]
    assert "27698" in codes
    assert "27695" not in codes


def test_both_collateral_ligaments_repaired_is_27696() -> None:
    note = (
        "PROCEDURE: Repair of the deltoid ligament and the anterior talofibular ligament, left "
        "ankle, after a dislocation.\n"
        "DESCRIPTION: The torn deltoid ligament was repaired to the medial malleolus with "
        "anchors. Through a lateral incision the anterior talofibular ligament was repaired "
        "end to end."
    )
    codes = [c for c, _ in _lines(note)]
    assert "27696" in codes
    assert "27695" not in codes


def test_an_intact_ligament_on_mri_is_no_repair() -> None:
    note = (
        "EXAM: MRI of the right ankle without contrast.\n"
        "FINDINGS: The anterior talofibular and deltoid ligaments are intact. No fracture.\n"
        "IMPRESSION: Normal ankle MRI."
    )
    codes = [c for c, _ in _lines(note)]
    assert not {"27695", "27696", "27698"} & set(codes)
