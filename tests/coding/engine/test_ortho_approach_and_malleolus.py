"""Ortho false positives: a subscapularis taken down to open the joint for a shoulder
arthroplasty and repaired at its closure is part of the arthroplasty (no open cuff repair); a
medial malleolus named only as where the deltoid ligament tore off is no medial malleolus
fracture (27766 needs the malleolus told as broken or fixed); a talus fracture told as a
"fracture of the talar neck" is the talus fracture."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_subscapularis_tenotomy_repaired_at_arthroplasty_closure_is_no_cuff_repair() -> None:
    note = (
        "PROCEDURE: Right total shoulder arthroplasty.\n"
        "DESCRIPTION: Through a deltopectoral approach the subscapularis was tenotomized off the "
        "lesser tuberosity and tagged. The humeral head was cut and a glenoid and a humeral "
        "component were implanted. The subscapularis was repaired with heavy sutures."
    )
    assert _codes(note) == ["23472"]


def test_open_supraspinatus_repair_is_still_a_cuff_repair() -> None:
    note = (
        "PROCEDURE: Right open rotator cuff repair.\n"
        "DESCRIPTION: Through a deltoid-splitting incision the chronic retracted supraspinatus "
        "tear was mobilized and repaired to the greater tuberosity with two suture anchors."
    )
    assert _codes(note) == ["23412"]


def test_deltoid_torn_off_the_medial_malleolus_is_no_malleolar_fracture() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Displaced fracture of the left talar neck.\n"
        "PROCEDURE: Open reduction and internal fixation of the talus.\n"
        "DESCRIPTION: Through an anteromedial incision the deltoid ligament was seen torn off the "
        "medial malleolus. The talar neck fracture was reduced and held with two cannulated "
        "screws."
    )
    codes = _codes(note)
    assert "28445" in codes
    assert "27766" not in codes


def test_medial_malleolus_fracture_fixed_is_27766() -> None:
    note = (
        "PROCEDURE: Open reduction and internal fixation of left medial malleolus fracture.\n"
        "DESCRIPTION: The medial malleolar fragment was reduced and fixed with two partially "
        "threaded cancellous screws."
    )
    assert _codes(note) == ["27766"]


def test_fracture_of_the_talar_neck_word_order_is_the_talus_fracture() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Fracture of the talar neck, left.\n"
        "PROCEDURE: Open reduction and internal fixation, left foot.\n"
        "DESCRIPTION: The fracture was reduced and fixed with two screws."
    )
    assert "28445" in _codes(note)
