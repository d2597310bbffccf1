"""A transesophageal echocardiogram told in a major operation's note is the intraoperative
study of the anesthesiologist or cardiologist, not the surgeon's service; a TEE on its own (or
beside a line placement) is reported."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_tee_during_a_pericardial_window_is_not_the_surgeons() -> None:
    note = (
        "PROCEDURES: 1. Subxiphoid pericardial window. 2. Transesophageal echocardiogram.\n"
        "DESCRIPTION: Through a subxiphoid incision the pericardium was opened and 400 mL of "
        "serous fluid drained; a piece of pericardium was sent to pathology and a drain left. "
        "The echocardiogram showed no residual effusion.\n"
    )
    assert "93312" not in codes(note)
    assert "33025" in codes(note)


def test_a_tee_alone_is_reported() -> None:
    note = (
        "PROCEDURE: Transesophageal echocardiogram.\n"
        "DESCRIPTION: After topical anesthesia the multiplane probe was passed into the "
        "esophagus. Two-dimensional imaging showed normal left ventricular function and no "
        "left atrial appendage thrombus.\n"
    )
    assert codes(note) == ["93312"]
