"""Old instrumentation removed through the exposure of an anterior cervical discectomy and
fusion ("Removal of old instrumentation, C4-C5") is the old anterior plate: 22855 beside the
new fusion and plate. A posterior operation's removal of screws and rods is not anterior.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_old_plate_removed_at_an_anterior_cervical_fusion() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Adjacent segment disease C5-C6.\n"
        "PROCEDURES:\n"
        "1. Anterior cervical discectomy and fusion, C5-C6.\n"
        "2. Removal of old instrumentation, C6-C7.\n"
        "3. Anterior instrumentation C5-C6 with a plate.\n"
        "DESCRIPTION: Through a right transverse neck incision the platysma was divided and the"
        " prevertebral space was exposed. The fusion at C6-C7 was solid. A discectomy at C5-C6"
        " was done and an allograft spacer was"
        " placed, and a new plate was secured with screws at C5 and C6.\n"
    )
    codes = _codes(note)
    assert "22855" in codes and "22551" in codes
    assert "22852" not in codes


def test_posterior_rods_removed_are_not_the_anterior_code() -> None:
    # trap: a posterior cervical operation removing lateral mass screws and rods
    note = (
        "PROCEDURES:\n"
        "1. Removal of instrumentation, C4-C6.\n"
        "2. Posterior cervical fusion, C4-C6.\n"
        "DESCRIPTION: Through a posterior midline incision the old lateral mass screws and rods"
        " were removed and a posterior cervical fusion was performed with local bone graft.\n"
    )
    assert "22855" not in _codes(note)
