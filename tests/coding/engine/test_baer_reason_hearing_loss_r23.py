"""A brainstem auditory evoked response read for its waves and interpeak latencies is the
neurodiagnostic study 92653 even when hearing loss is the reason for it (a retrocochlear lesion
sought); a study that estimates hearing thresholds in its results is 92652."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_hearing_loss_as_the_reason_keeps_92653() -> None:
    note = (
        "PROCEDURE: Brainstem auditory evoked response.\n"
        "INDICATION: Asymmetric sensorineural hearing loss, left worse than right.\n"
        "FINDINGS: Waves I, III and V are present on both sides with normal absolute and "
        "interpeak latencies.\n"
        "IMPRESSION: Normal BAER; no evidence of a retrocochlear lesion.\n"
    )
    assert codes(note) == ["92653"]


def test_thresholds_estimated_is_92652() -> None:
    note = (
        "PROCEDURE: Auditory brainstem response for hearing threshold estimation.\n"
        "INDICATION: Failed newborn hearing screen.\n"
        "FINDINGS: Click ABR thresholds are 30 dB nHL in the right ear and 70 dB nHL in the "
        "left ear.\n"
        "IMPRESSION: Moderate hearing loss in the left ear.\n"
    )
    assert codes(note) == ["92652"]
