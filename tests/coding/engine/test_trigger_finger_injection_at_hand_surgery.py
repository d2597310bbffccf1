"""A steroid injected into a trigger finger's tendon sheath at a carpal tunnel release, listed
with the operation, is its own service at another site: 20550 with 59 beside 64721. Local
anaesthetic for the release, a steroid left in the carpal canal, and a trigger finger that is
released are no tendon sheath injection."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_trigger_finger_steroid_injection_beside_carpal_tunnel_release() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSES: 1. Right carpal tunnel syndrome. 2. Trigger finger, right "
        "ring finger.\n"
        "PROCEDURE: Right carpal tunnel release; steroid injection of the right ring finger "
        "flexor tendon sheath.\n"
        "DESCRIPTION: The transverse carpal ligament was divided along its ulnar border and "
        "the median nerve decompressed. The skin was closed. One mL of Kenalog 10 with "
        "lidocaine was then injected into the ring finger flexor sheath at the A1 pulley."
    )
    lines = _lines(note)
    assert lines[0] == ("64721", ["RT"])
    # one named finger takes its digit modifier (right ring finger: F8)
    assert ("20550", ["59", "F8"]) in lines


def test_local_anaesthetic_for_the_release_is_no_injection() -> None:
    note = (
        "PROCEDURE: Left carpal tunnel release.\n"
        "DESCRIPTION: Ten mL of 1% lidocaine was injected into the proximal palm and the "
        "transverse carpal ligament was divided; the median nerve was decompressed."
    )
    assert _codes(note) == ["64721"]


def test_steroid_into_the_carpal_canal_at_a_release_is_not_20550() -> None:
    note = (
        "PROCEDURE: Right carpal tunnel release with steroid injection of the carpal canal.\n"
        "DESCRIPTION: The transverse carpal ligament was released and 40 mg of Depo-Medrol "
        "was injected into the carpal canal before closure."
    )
    assert "20550" not in _codes(note)


def test_released_trigger_finger_is_not_also_injected() -> None:
    note = (
        "PROCEDURE: Right carpal tunnel release and right long finger trigger finger release "
        "with steroid injection of the tendon sheath.\n"
        "DESCRIPTION: The transverse carpal ligament was divided. The A1 pulley of the long "
        "finger was released and Kenalog was injected into the sheath."
    )
    assert "20550" not in _codes(note)
