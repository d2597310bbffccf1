"""Botulinum toxin (or a neurolytic) injected into muscles named after a joint ("both knee
extensors", "wrist flexors") is chemodenervation, not an injection of the knee or wrist joint:
no 20610/20605 beside the chemodenervation codes. A real knee joint injection still codes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_toxin_into_knee_extensors_is_no_knee_injection() -> None:
    note = (
        "DIAGNOSIS: Spastic diplegia after anoxic brain injury.\n"
        "PROCEDURE: Botulinum toxin injection to the right wrist flexors and both knee "
        "extensors under EMG guidance.\n"
        "DESCRIPTION: With EMG stimulation each muscle was localized and 50 units of "
        "onabotulinumtoxinA were injected into the right wrist flexors and 100 units into each "
        "quadriceps. There were no complications.\n"
    )
    got = codes(note)
    assert "64642" in got
    assert not {"20610", "20605", "20611", "20606"} & set(got)


def test_steroid_into_the_knee_joint_still_codes() -> None:
    note = (
        "PROCEDURE: Right knee joint injection.\n"
        "DESCRIPTION: Through a superolateral approach 40 mg of Kenalog with 4 mL of lidocaine "
        "was injected into the right knee joint. Band-Aid applied.\n"
    )
    assert codes(note)[0] == "20610"
