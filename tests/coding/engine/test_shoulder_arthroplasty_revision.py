"""A shoulder arthroplasty revised - a component taken out and a new one put in - is the
revision by the components revised (23473 humeral or glenoid, 23474 both), not the removal
(23334/23335); a prosthesis removed with a spacer left is still the removal. An open cuff
repair of a tear called acute is 23410; otherwise the chronic repair 23412."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_humeral_head_exchanged_is_a_one_component_revision() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Painful left total shoulder arthroplasty with instability.\n"
        "PROCEDURE: Removal of humeral head implant, left shoulder, with placement of a new "
        "humeral head.\n"
        "DESCRIPTION: Through the deltopectoral interval the joint was opened and the modular "
        "humeral head removed from the Morse taper. The stem and glenoid were well fixed. "
        "A new larger humeral head was impacted and the joint reduced."
    )
    assert _lines(note) == [("23473", ["LT"])]


def test_both_components_revised() -> None:
    note = (
        "PROCEDURE: Revision of right total shoulder arthroplasty, humeral and glenoid "
        "components.\n"
        "DESCRIPTION: The loose glenoid and humeral stem were removed and new humeral and "
        "glenoid components were cemented."
    )
    codes = _codes(note)
    assert codes == ["23474"]


def test_removal_with_a_spacer_stays_the_removal() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Infected right shoulder hemiarthroplasty.\n"
        "PROCEDURE: Removal of right shoulder humeral prosthesis and placement of an "
        "antibiotic cement spacer.\n"
        "DESCRIPTION: The humeral component was extracted and the canal debrided; an "
        "antibiotic spacer was molded and placed."
    )
    codes = _codes(note)
    assert "23334" in codes
    assert "23473" not in codes


def test_acute_cuff_tear_repaired_open_is_23410() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Acute tear of the right subscapularis tendon after a fall.\n"
        "PROCEDURE: Open repair of right subscapularis tendon.\n"
        "DESCRIPTION: Through a deltopectoral approach the torn subscapularis was mobilized "
        "and repaired to the lesser tuberosity with suture anchors."
    )
    assert _lines(note) == [("23410", ["RT"])]


def test_cuff_tear_not_called_acute_stays_chronic() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Full-thickness supraspinatus tear, left shoulder.\n"
        "PROCEDURE: Open rotator cuff repair, left shoulder.\n"
        "DESCRIPTION: Through a deltoid split the retracted supraspinatus was repaired to the "
        "greater tuberosity with suture anchors."
    )
    assert _lines(note) == [("23412", ["LT"])]
